"""A phase named in another language's script gets its days too (issue 20, Urdu): visitors write
the exercise's English words in Latin letters within Urdu (or Arabic) ("<phase> والا فیز کب سے
کب تک ہے"), and the phase's name in the reply language did not match them."""

from __future__ import annotations

from typing import Any

from actions.answer_directory import ActionAnswerExercise
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

PHASES: list[dict[str, Any]] = [
    {
        "id": "setup",
        "name": {"en": "Setup", "fr": "Installation", "ar": "التجهيز", "ur": "تیاری"},
        "start_date": "2027-06-01",
        "end_date": "2027-06-01",
        "description": {"en": "Tents.", "fr": "Tentes.", "ar": "الخيام.", "ur": "خیمے۔"},
    },
    {
        "id": "field",
        "name": {
            "en": "Field manoeuvres",
            "fr": "Manœuvres de terrain",
            "ar": "المناورات الميدانية",
            "ur": "میدانی مشقیں",
        },
        "start_date": "2027-06-02",
        "end_date": "2027-06-03",
        "description": {"en": "Drills.", "fr": "Manœuvres.", "ar": "مناورات.", "ur": "مشقیں۔"},
    },
]

ASKED = {
    "ur": ("field manoeuvres والا حصہ کن تاریخوں میں ہے", "2 جون"),
    "ar": ("Field manoeuvres تبدأ وتنتهي متى", "2 يونيو"),
    "en": ("when do the المناورات الميدانية end", "2 June"),
}


def _said(lang: str, text: str) -> str:
    pack = other_pack()
    pack["exercise"]["phases"] = PHASES
    pack["exercise"]["languages"] = ["ar", "en", "fr", "ur"]
    pack["exercise"]["name"]["ur"] = "مشق واحہ"
    pack["exercise"]["summary"]["ur"] = "ایک آزمائشی مشق۔"
    for nation in pack["exercise"]["nations"]:
        nation["name"]["ur"] = nation["name"]["en"]
    dispatcher = run(
        ActionAnswerExercise,
        FakeLookup(pack).handle,
        intent="ask_exercise_overview",
        language=lang,
        text=text,
    )
    return " ".join(m.get("text") or "" for m in dispatcher.messages)


def test_a_phase_named_in_another_script_gets_its_days() -> None:
    for lang, (text, last_day) in ASKED.items():
        said = _said(lang, text)
        # The phase's line, with its first day (the exercise's own dates say the last one).
        assert last_day in said, (lang, said)
        assert PHASES[1]["name"][lang] in said, (lang, said)
        assert PHASES[0]["name"][lang] not in said, (lang, said)


def test_another_script_naming_no_phase_adds_none() -> None:
    said = _said("ur", "یہ exercise کتنے دن کی ہے")
    # The overview (a response) names the phases; no phase's line with its days is added.
    assert "2 جون" not in said and "میدانی مشقیں" not in said, said
