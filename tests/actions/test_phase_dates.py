"""A phase the message names gets its dates (issue 20, by kind): "when does the <phase> start
and finish" got the exercise's overview, which gives the phases' names only, not their days."""

from __future__ import annotations

from typing import Any

from actions.answer_directory import ActionAnswerExercise
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

PHASES: list[dict[str, Any]] = [
    {
        "id": "arrive",
        "name": {
            "en": "Arrival and setup",
            "fr": "Arrivée et installation",
            "ar": "الوصول والتجهيز",
        },
        "start_date": "2027-06-01",
        "end_date": "2027-06-01",
        "description": {"en": "Reception.", "fr": "Accueil.", "ar": "الاستقبال."},
    },
    {
        "id": "drills",
        "name": {"en": "Joint drills", "fr": "Manœuvres conjointes", "ar": "المناورات المشتركة"},
        "start_date": "2027-06-02",
        "end_date": "2027-06-03",
        "description": {"en": "Drills.", "fr": "Manœuvres.", "ar": "مناورات."},
    },
]

ASKED = {
    "en": ("what are the dates of the joint drills part", "3 June"),
    "fr": ("les manœuvres conjointes durent de quand à quand ?", "3 juin"),
    "ar": ("متى تنتهي المناورات المشتركة", "3 يونيو"),
}


def test_a_named_phase_gets_its_first_and_last_day() -> None:
    pack = other_pack()
    pack["exercise"]["phases"] = PHASES
    fake = FakeLookup(pack)
    for lang, (text, last_day) in ASKED.items():
        dispatcher = run(
            ActionAnswerExercise,
            fake.handle,
            intent="ask_exercise_overview",
            language=lang,
            text=text,
        )
        said = " ".join(m.get("text") or "" for m in dispatcher.messages)
        assert last_day in said, (lang, said)
        assert PHASES[1]["name"][lang] in said
        assert PHASES[0]["name"][lang] not in said, (lang, said)


def test_no_phase_named_no_phase_added() -> None:
    pack = other_pack()
    pack["exercise"]["phases"] = PHASES
    dispatcher = run(
        ActionAnswerExercise,
        FakeLookup(pack).handle,
        intent="ask_exercise_overview",
        language="en",
        text="what is this exercise about?",
    )
    assert len(dispatcher.messages) == 1
