"""Issue 20: a question taken for the programme that names no day but names a dress code, a
place, a person or a grade outright ("my timetable mentions field boots: what is that") got the
exercise's main events, which do not say it; the item named is the answer, as its own action says
it. An event named, or a name the search is unsure of, still gets the programme. Scores and
coverage are scripted here: ranking is the service's job (tests/lookup)."""

from __future__ import annotations

from datetime import date

import pytest

from actions.answer_schedule import ActionAnswerSchedule
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

PACK = other_pack()
DRESS, VENUE, EVENT = PACK["dress_codes"][0], PACK["venues"][0], PACK["events"][0]


def schedule(hit: tuple[str, str], score: float, coverage: float, text: str, lang: str) -> list:
    fake = FakeLookup(PACK)
    fake.search_hits = [hit]
    fake.search_figures = {hit: (score, coverage)}
    return run(
        ActionAnswerSchedule,
        fake.handle,
        action_kwargs={"today": date(2027, 5, 30)},
        language=lang,
        intent="ask_schedule",
        text=text,
        entities=[],
    ).messages


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "my timetable mentions field boots, what is that"),
        ("fr", "le planning parle de rangers, ça veut dire quoi"),
        ("ar", "البرنامج مكتوب فيه الحذاء الميداني، يعني ايش"),
    ],
)
def test_a_dress_code_named_outright_is_the_answer(lang: str, text: str) -> None:
    messages = schedule(("dress_code", DRESS["id"]), 2.0, 1.0, text, lang)
    [said] = [m for m in messages if m.get("response") == "utter_dress_code"]
    assert said["description"] == DRESS["description"][lang]
    assert not [m for m in messages if m.get("response") == "utter_schedule_highlights"]


def test_a_place_named_outright_is_the_answer() -> None:
    messages = schedule(("venue", VENUE["id"]), 2.0, 1.0, "Well Square on the programme?", "en")
    assert [m["name"] for m in messages if m.get("response") == "utter_venue_details"] == [
        VENUE["name"]["en"]
    ]


@pytest.mark.parametrize(
    ("hit", "score", "coverage"),
    [
        (("event", EVENT["id"]), 2.0, 1.0),  # an event named: the programme says it
        (("dress_code", DRESS["id"]), 0.9, 0.6),  # a name the search is unsure of
    ],
    ids=["event", "unsure"],
)
def test_otherwise_the_programme(hit: tuple[str, str], score: float, coverage: float) -> None:
    messages = schedule(hit, score, coverage, "what is on the programme with field boots", "en")
    assert [m for m in messages if m.get("response") == "utter_schedule_highlights"]
    assert not [m for m in messages if m.get("response") == "utter_dress_code"]
