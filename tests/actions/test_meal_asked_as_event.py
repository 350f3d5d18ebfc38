"""A meal asked as an event (issue 20, by kind): "شام کا کھانا کتنے بجے شروع ہوگا" (when does the
evening meal start), taken for an event, got "I don't have that" in an exercise whose programme
has no meal: the meals' texts answer it, as the meal-times question does (the notice offering
other languages where the pack has no text in the visitor's)."""

from __future__ import annotations

import pytest

from actions.answer_search import ActionAnswerEvent
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

PACK = other_pack()
MEALS = [t for t in PACK["topics"] if t["topic"] == "meals"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "when does supper start"),
        ("fr", "le souper, c'est quand"),
        ("ar", "متى أول وجبة بالنهار"),
    ],
)
def test_a_meal_no_event_names_gets_the_meals(lang: str, text: str) -> None:
    fake = FakeLookup(PACK)  # the search finds no event
    dispatcher = run(
        ActionAnswerEvent, fake.handle, intent="ask_event_info", language=lang, text=text
    )
    said = [m.get("text") or "" for m in dispatcher.messages]
    for meal in MEALS:
        assert meal["text"][lang] in said, dispatcher.messages


def test_a_meal_in_a_language_the_pack_lacks_gets_the_notice() -> None:
    fake = FakeLookup(PACK)
    dispatcher = run(
        ActionAnswerEvent,
        fake.handle,
        intent="ask_event_info",
        language="ur",
        text="رات کے کھانے کا آغاز کس وقت ہوتا ہے",
    )
    assert [m.get("response") for m in dispatcher.messages] != ["utter_no_information"]
    assert any(m.get("buttons") for m in dispatcher.messages), dispatcher.messages


def test_no_meal_named_stays_no_answer() -> None:
    fake = FakeLookup(PACK)
    dispatcher = run(
        ActionAnswerEvent,
        fake.handle,
        intent="ask_event_info",
        language="en",
        text="when is the gala",
    )
    assert [m.get("response") for m in dispatcher.messages] == ["utter_no_information"]
