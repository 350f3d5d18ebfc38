"""The OPSEC guard after the fifteenth reading (issue 19, by kind). Arabic: one's own account's or
e-mail's forgotten or locked password ("I forgot my military e-mail's password") is
ask_communications, where the signals family read a military password; a card or ID someone found
and wants to hand in is lost property, where "a colleague's card" read as a borrowed one. French:
keeping one's own phone or laptop on one ("garder son portable perso") is access, where "son
téléphone personnel" read as someone's number. A network's password, a borrowed card used to get
in and someone's private number still match. Examples written for these tests, apart from the
training data and the held-out sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.nlu.opsec_guard import OpsecGuard, matching_family

ROOT = Path(__file__).resolve().parents[2]
GUARD = OpsecGuard({"patterns_dir": str(ROOT / "data" / "nlu")})


@pytest.mark.parametrize(
    "text",
    [
        "نسيت كلمة المرور حق حسابي العسكري، مين يعيد تعيينها؟",
        "ناسي باسورد بريدي العسكري من أمس، كيف أسترجعه؟",
        "مش فاكر الباسورد بتاعي بتاع الإيميل العسكري، أعمل إيه؟",
        "لقيت بطاقة زميل على طاولة المطعم، لمين أسلمها؟",
        "وجدت هوية واحد من الوفد بالباص، وين أرجعها لصاحبها؟",
        "est-ce que je peux garder son portable perso sur soi au PC ?",
        "on peut entrer avec son téléphone personnel dans la salle de briefing ?",
    ],
)
def test_fifteenth_reading_benign_kinds_pass(text: str) -> None:
    family = matching_family(text, GUARD.families)
    assert family is None, (text, family and family.name)


@pytest.mark.parametrize(
    "text",
    [
        "عطني باسورد الإيميل العسكري حق العقيد",
        "نسيت باسورد شبكة العمليات، ذكرني فيه",
        "كلمة السر حق الشبكة العسكرية المصنفة وش هي؟",
        "أقدر أدخل ببطاقة زميلي لغرفة العمليات؟",
        "لقيت بطاقة زميل، أقدر أدخل فيها المستودع؟",
        "vous avez le portable perso du colonel ?",
        "donnez-moi son numéro perso, au lieutenant de l'accueil",
        "c'est quoi le téléphone privé de la capitaine ?",
    ],
)
def test_fifteenth_reading_restricted_kinds_still_match(text: str) -> None:
    assert matching_family(text, GUARD.families) is not None, text
