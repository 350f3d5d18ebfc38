"""A meal asked bare, and a dining hall's hours, under the meal times (issue 20, seventeenth
reading, by kind).

- "what time is dinner pls" found the welcome and the farewell dinners by "dinner" and said
  only them: a visitor asking when dinner is means the daily meal, so the meals' text comes
  first and those dinners after it (they may be what is meant on their evening), whichever
  action the model chose; a dinner named by its title ("when is the welcome dinner") is that
  event alone.
- "قاعة طعام النخلة من الساعة كم لكم مفتوحة" (the dining hall, open from when to when), taken for
  the meal times, got the meals' text: the hall's card (its hours) answers; a meal named with
  the hall ("when does the dining hall open for breakfast") is still the meals' question."""

from __future__ import annotations

import json
from typing import Any

import pytest

from actions.answer_search import ActionAnswerEvent
from actions.answer_topic import ActionAnswerTopic
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import SAMPLE_PACK, read_pack

SAMPLE = json.loads(json.dumps(read_pack(SAMPLE_PACK), default=lambda value: value.isoformat()))
MEALS = next(t for t in SAMPLE["topics"] if t["topic"] == "meals")
DINNERS = [("event", "welcome-dinner"), ("event", "farewell-dinner")]


def fake_finding(hits: list[tuple[str, str]]) -> FakeLookup:
    fake = FakeLookup(SAMPLE)
    fake.search_hits = hits
    fake.search_figures = {hit: (2.0, 1.0) for hit in hits}
    return fake


def texts(messages: list[dict[str, Any]]) -> list[str]:
    return [str(m.get("text") or m.get("response")) for m in messages]


# Questions of the kind, not the held-out sentence.
BARE = [
    ("en", "dinner, what time?"),
    ("fr", "on dîne à quelle heure ?"),
    ("ar", "العشا الساعة كم"),
]


@pytest.mark.parametrize(("lang", "text"), BARE)
@pytest.mark.parametrize(
    ("action", "intent"),
    [(ActionAnswerTopic, "ask_meal_times"), (ActionAnswerEvent, "ask_event_info")],
)
def test_a_meal_asked_bare_gets_the_meals_first_then_the_dinners(
    lang: str, text: str, action: Any, intent: str
) -> None:
    fake = fake_finding(DINNERS)
    dispatcher = run(action, fake.handle, intent=intent, language=lang, text=text, entities=[])
    said = texts(dispatcher.messages)
    assert said[0] == MEALS["text"][lang], said
    assert [m.get("response") for m in dispatcher.messages[1:3]] == ["utter_event_details"] * 2


def test_a_dinner_named_by_its_title_is_that_event_alone() -> None:
    fake = fake_finding([("event", "welcome-dinner")])
    dispatcher = run(
        ActionAnswerEvent,
        fake.handle,
        intent="ask_event_info",
        language="en",
        text="what time is the welcome dinner",
        entities=[],
    )
    assert MEALS["text"]["en"] not in texts(dispatcher.messages)
    assert dispatcher.messages[0].get("response") == "utter_event_details"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "the dining hall, till when is it open?"),
        ("fr", "le réfectoire ferme à quelle heure"),
        ("ar", "قاعة الطعام شو دوامها"),
        ("ur", "ڈائننگ ہال کب کھلتا ہے"),
    ],
)
def test_a_dining_halls_hours_under_the_meal_times_get_its_card(lang: str, text: str) -> None:
    fake = fake_finding([("venue", "al-nakhla-dining-hall")])
    # named confidently, not plainly (answer_found.plainly_named would say it under any topic)
    fake.search_figures = {("venue", "al-nakhla-dining-hall"): (1.0, 0.6)}
    dispatcher = run(
        ActionAnswerTopic,
        fake.handle,
        intent="ask_meal_times",
        language=lang,
        text=text,
        entities=[],
    )
    assert dispatcher.messages[0].get("response") == "utter_venue_details", dispatcher.messages
    assert MEALS["text"][lang] not in texts(dispatcher.messages)


def test_a_meal_named_with_the_hall_is_still_the_meals() -> None:
    fake = fake_finding([("venue", "al-nakhla-dining-hall")])
    # named confidently, not plainly (answer_found.plainly_named would say it under any topic)
    fake.search_figures = {("venue", "al-nakhla-dining-hall"): (1.0, 0.6)}
    dispatcher = run(
        ActionAnswerTopic,
        fake.handle,
        intent="ask_meal_times",
        language="en",
        text="when does the dining hall open for breakfast",
        entities=[],
    )
    assert texts(dispatcher.messages)[0] == MEALS["text"]["en"], dispatcher.messages
