"""What to wear asked of an event that the model took for the event or a topic (issue 20,
seventeenth reading, by kind): "je dois mettre quoi aux pieds pour la cérémonie du lever des
couleurs, des rangers ?", taken for the ceremonies, got the event's card, "Tenue : Rangers" (the
dress's name, one fact of the card), where the dress question gives the dress's description too
("Treillis et rangers."). A message asking what to wear gets the dress as the dress answer
says it after the card; one that asks no such thing keeps the card alone
(actions/answer_found.py say_event, given the message)."""

from __future__ import annotations

from typing import Any

import pytest

from actions.answer_search import ActionAnswerEvent
from actions.answer_topic import ActionAnswerTopic
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

PACK = other_pack()
DESCRIPTION = PACK["dress_codes"][0]["description"]

# Questions of the kind, not the held-out sentence.
WEAR = [
    ("fr", "pour le lever des couleurs, on a quoi aux pieds ?"),
    ("en", "flag raising, which shoes do I put on"),
    ("ar", "شو ألبس برجلي لرفع العلم"),
]


def run_found(action: Any, intent: str, lang: str, text: str) -> list[dict[str, Any]]:
    fake = FakeLookup(PACK)
    fake.search_hits = [("event", "raising")]
    fake.search_figures = {("event", "raising"): (2.0, 1.0)}
    dispatcher = run(action, fake.handle, intent=intent, language=lang, text=text, entities=[])
    return dispatcher.messages


@pytest.mark.parametrize(("lang", "text"), WEAR)
@pytest.mark.parametrize(
    ("action", "intent"),
    [(ActionAnswerTopic, "ask_ceremonies"), (ActionAnswerEvent, "ask_event_info")],
)
def test_what_to_wear_asked_of_an_event_card_gets_the_dress_described(
    lang: str, text: str, action: Any, intent: str
) -> None:
    messages = run_found(action, intent, lang, text)
    assert messages[0].get("response") == "utter_event_details", messages
    dressed = [m for m in messages if m.get("response") == "utter_event_dress"]
    assert [m["description"] for m in dressed] == [DESCRIPTION[lang]], messages


@pytest.mark.parametrize(
    ("action", "intent"),
    [(ActionAnswerTopic, "ask_ceremonies"), (ActionAnswerEvent, "ask_event_info")],
)
def test_an_event_asked_when_keeps_its_card_alone(action: Any, intent: str) -> None:
    messages = run_found(action, intent, "fr", "le lever des couleurs c'est quand ?")
    assert not [m for m in messages if m.get("response") == "utter_event_dress"], messages


@pytest.mark.parametrize(
    "text",
    [
        "pour la cérémonie on met quoi aux pieds",  # the pack's ceremonies are its events
        "le lever des couleurs c'est quand, et on porte quoi aux pieds",  # asked when, by title
    ],
)
def test_what_to_wear_under_the_ceremonies_without_a_plain_name(text: str) -> None:
    fake = FakeLookup(PACK)
    fake.search_hits = [("event", "raising")]
    fake.search_figures = {("event", "raising"): (1.0, 0.6)}  # by name, not plainly
    dispatcher = run(
        ActionAnswerTopic, fake.handle, intent="ask_ceremonies", language="fr", text=text
    )
    messages = dispatcher.messages
    assert messages[0].get("response") == "utter_event_details", messages
    dressed = [m for m in messages if m.get("response") == "utter_event_dress"]
    assert [m["description"] for m in dressed] == [DESCRIPTION["fr"]], messages
