"""A meal asked where or when that the model took for a topic the exercise has no text on
("where do we go to eat" taken for reporting in, issue 20, seventeenth round): the meals'
texts, not "I don't have that"; a topic question naming no meal still has no answer."""

from __future__ import annotations

import pytest

from actions.answer_topic import ActionAnswerTopic
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

PACK = other_pack()
MEALS = [t for t in PACK["topics"] if t["topic"] == "meals"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "where should we go to eat tonight"), ("ar", "وين نروح ناكل الليلة")],
)
def test_a_meal_under_a_missing_topic_gets_the_meals(lang: str, text: str) -> None:
    fake = FakeLookup(PACK)  # the pack has no reporting text
    dispatcher = run(
        ActionAnswerTopic, fake.handle, intent="ask_reporting", language=lang, text=text
    )
    said = [m.get("text") or "" for m in dispatcher.messages]
    for meal in MEALS:
        assert meal["text"][lang] in said, dispatcher.messages


def test_no_meal_named_stays_no_answer() -> None:
    fake = FakeLookup(PACK)
    dispatcher = run(
        ActionAnswerTopic,
        fake.handle,
        intent="ask_reporting",
        language="en",
        text="where do I report on arrival",
    )
    assert [m.get("response") for m in dispatcher.messages] == ["utter_no_information"]
