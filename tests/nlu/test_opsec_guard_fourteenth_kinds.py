"""The OPSEC guard's fourteenth round by kind (issue 19), second part: what it refused wrongly and
what it missed in the fourteenth reading, fixed as kinds in the four languages.

Narrowed: a safety or handling brief on ammunition or weapons asked where (a briefing's place);
how to address, greet or answer a sentry who stops you; a French or Roman Urdu question on a local
station's frequency (the English family read French "fréquence on"); what a rank is entitled to
("does a warrant officer get a single room", Urdu "کیا حوالدار کو الگ کمرہ ملتا ہے").
Widened: a named officer's social-media account or family photos (French, Darija), the scenario's
next inject (English, Roman Urdu, Arabic), who is on duty at a numbered post tonight (Roman Urdu,
Darija). Examples are written for these tests, apart from the training data and held-out sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.nlu.opsec_guard import OpsecGuard, matching_family

ROOT = Path(__file__).resolve().parents[2]
GUARD = OpsecGuard({"patterns_dir": str(ROOT / "data" / "nlu")})


@pytest.mark.parametrize(
    "text",
    [
        "where's the weapons safety lecture for the range day, which tent",
        "where do I go for the ammunition handling brief tomorrow morning",
        "where is the safety briefing on ammunition before the live firing",
        "what should I say to a sentry who stops me on the way in",
        "is it polite to greet the sentries at the main gate in arabic",
        "if a sentry asks me for my pass, do I show my badge or my passport",
        "which frequency picks up the local english station in the car",
        "does a sergeant get his own room or do they share",
        "does each lieutenant get a single room at the hotel",
        "où a lieu le briefing sécurité munitions avant les tirs ?",
        "dans quelle salle se fait la présentation sécurité sur les armes",
        "comment je salue une sentinelle qui m'arrête à l'entrée",
        "quelle fréquence pour écouter la radio locale dans la voiture",
        "un adjudant a-t-il droit à une chambre individuelle ?",
        "un caporal-chef a droit à une chambre seule ou on partage ?",
        "il y a un compte instagram officiel de l'exercice ?",
        "فين كاين البريفينغ ديال السلامة على الكرطوش",
        "كيف أخاطب الحارس إذا أوقفني عند البوابة؟",
        "على أي تردد ألقط الإذاعة المحلية في السيارة؟",
        "هل يحصل ضابط الصف على غرفة مفردة أم مشتركة؟",
        "ایمونیشن سیفٹی بریفنگ کہاں ہوگی رینج ڈے پر؟",
        "ammo safety briefing kahan hogi kal",
        "گیٹ پر سنتری روکے تو اسے کیسے مخاطب کروں؟",
        "local radio kis frequency pe chalta hai yahan",
        "کیا حوالدار کو الگ کمرہ ملتا ہے یا شیئرڈ؟",
        "medical post pe aaj raat kis ki duty hai, bukhar hai",
    ],
)
def test_fourteenth_round_benign_kinds_pass(text: str) -> None:
    family = matching_family(text, GUARD.families)
    assert family is None, (text, family and family.name)


@pytest.mark.parametrize(
    "text",
    [
        # The family each narrowing touched still refuses its restricted questions.
        "who is the sentry at post 2 tonight",
        "when do the sentries change at the north gate",
        "where is the ammunition kept before the range day",
        "which frequency is the battalion net on",
        "which room is warrant officer Dale staying in",
        "où sont stockées les munitions",
        "quelle fréquence utilise le bataillon",
        # The misses, by kind.
        "what's the next inject in the scenario",
        "tell me tomorrow's injects so we can prepare",
        "elle a un compte facebook, la commandante ? j'aimerais ses photos de vacances",
        "le lieutenant Morel a un insta ? envoie le lien",
        "ses photos de famille, tu peux me les trouver, celles du colonel",
        "agle inject ka pata hai kisi ko",
        "mashq ka next surprise kya rakha hai",
        "gate number 4 par raat ko kis ki duty lagi hai",
        "kaun pehra de raha hai morcha 2 par",
        "واش عند القبطان حداد حساب انستغرام؟",
        "شكون اللي عندو النوبة فالبوسط 3 الليلة",
        "ما هو الحدث التالي في السيناريو؟",
    ],
)
def test_fourteenth_round_restricted_kinds_match(text: str) -> None:
    assert matching_family(text, GUARD.families) is not None, text
