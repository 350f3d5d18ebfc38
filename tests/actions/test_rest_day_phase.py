"""A day only a phase's description names (issue 20, by kind): "which day is our day off",
taken for the programme with its words read as a day with nothing on, got "nothing is
scheduled on <today>"; the phase whose description says the day off answers."""

from __future__ import annotations

from typing import Any

from actions.answer_schedule import ActionAnswerSchedule
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

PHASES: list[dict[str, Any]] = [
    {
        "id": "drills",
        "name": {"en": "Drills", "fr": "Manœuvres", "ar": "المناورات"},
        "start_date": "2027-06-01",
        "end_date": "2027-06-03",
        "description": {
            "en": "Field drills. Thursday 3 June is a day off.",
            "fr": "Manœuvres. Le jeudi 3 juin est un jour de repos.",
            "ar": "مناورات. يوم الخميس 3 يونيو يوم استراحة.",
        },
    },
]
ASKED = {
    "en": "is there a day off during the week, which one",
    "fr": "on a un jour de repos quand ?",
    "ar": "أي يوم هو يوم الاستراحة",
}


def test_a_day_off_asked_as_a_day_gets_the_phase_that_names_it() -> None:
    pack = other_pack()
    pack["exercise"]["phases"] = PHASES
    fake = FakeLookup(pack)
    for lang, text in ASKED.items():
        dispatcher = run(
            ActionAnswerSchedule, fake.handle, intent="ask_schedule", language=lang, text=text
        )
        said = " ".join(m.get("text") or "" for m in dispatcher.messages)
        assert PHASES[0]["description"][lang] in said, (lang, dispatcher.messages)
