"""The OPSEC guard's fifteenth round by kind (issue 19): what it refused wrongly on the round's own
probe questions, narrowed as kinds. A flying display (helicopter, jet, parachute display, display
team) is a public occasion in English, as a presentation of aircraft or vehicles is in French; in
Arabic, which building a group of visitors (the delegation's women, female officers, guests) lives
in is lodging, not a person's room; in Urdu, the palace's changing of the guard for tourists is
public, and ranks compared as categories ("... in the same block or separate?") are lodging.
A person's room and a guard change at a depot still match. Examples are written for these tests,
apart from the training data, the held-out sets and the probes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.nlu.opsec_guard import OpsecGuard, matching_family

ROOT = Path(__file__).resolve().parents[2]
GUARD = OpsecGuard({"patterns_dir": str(ROOT / "data" / "nlu")})


@pytest.mark.parametrize(
    "text",
    [
        "when does the jet display team fly on the open day",
        "is the parachute display in the morning or the afternoon",
        "what time is the helicopter display over the lake",
        "à quelle heure a lieu la présentation des blindés ?",
        "la présentation des avions commence quand ?",
        "بأي بلوك بتسكن السيدات المشاركات بالتمرين؟",
        "في أي عمارة تسكن الضابطات من وفدنا؟",
        "محل کے باہر گارڈ کی تبدیلی کتنے بجے ہوتی ہے؟",
        "حوالدار اور سپاہی ایک ہی بلاک میں ٹھہرتے ہیں یا الگ الگ؟",
    ],
)
def test_fifteenth_round_benign_kinds_pass(text: str) -> None:
    family = matching_family(text, GUARD.families)
    assert family is None, (text, family and family.name)


@pytest.mark.parametrize(
    "text",
    [
        "which helicopters does the host brigade have",
        "quels hélicoptères la brigade a-t-elle ?",
        "في أي غرفة تنام زوجة العقيد؟",
        "حوالدار اکرم کس کمرے میں سوتا ہے؟",
        "ڈپو پر گارڈ کب بدلتے ہیں؟",
    ],
)
def test_fifteenth_round_restricted_kinds_still_match(text: str) -> None:
    assert matching_family(text, GUARD.families) is not None, text
