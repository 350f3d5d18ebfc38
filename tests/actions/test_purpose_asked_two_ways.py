"""What a place is for, asked in dialects, with two questions in one message and in more words
(issue 20, eighteenth reading, by kind): "شو بيصير في ساحة البئر؟ لشو مخصصة؟" fell to the
fallback, whose search did not find the place; what goes on or is done there ("what goes on at
Well Square", "what do they do at ...", "on y fait quoi", Darija "شنو كيديرو", "المركز الطبي شو
بيقدم", Urdu "کس لیے") asks its purpose too, which is said after its card."""

from __future__ import annotations

import pytest

from actions.answer_found import asks_purpose
from actions.answer_search import ActionAnswerVenue
from actions.answer_topic import ActionAnswerTopic
from actions.handoff import ActionNotUnderstood
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

TOPIC_TEXT = {"en": "Prayer tent C, next to the well.", "ar": "خيمة الصلاة ج بجانب البئر."}
PURPOSE = {
    "ar": "ساحة البئر: الاستعراضات.",
    "en": "Well Square: Parades.",
    "fr": "Place du Puits : Défilés.",
}
# Questions of the kind, not the held-out sentence.
ASKED = [
    ("ar", "ساحة البئر شو بيصير فيها؟ ولشو مخصصة؟"),
    ("ar", "شنو كيديرو فساحة البئر"),
    ("ar", "ساحة البئر شو بتقدم"),
    ("ar", "ماذا يجري في ساحة البئر؟ وما الغرض منها؟"),
    ("en", "what goes on at Well Square? and where is it"),
    ("en", "what do they do at Well Square"),
    ("fr", "on y fait quoi, à la place du puits ?"),
]


@pytest.mark.parametrize(("lang", "text"), ASKED)
@pytest.mark.parametrize(
    ("action", "intent"),
    [(ActionAnswerVenue, "ask_venue_info"), (ActionNotUnderstood, "nlu_fallback")],
)
def test_a_place_asked_what_goes_on_says_its_purpose(
    lang: str, text: str, action: type, intent: str
) -> None:
    fake = FakeLookup(other_pack())
    fake.search_hits = [("venue", "well-square")]
    fake.search_figures = {("venue", "well-square"): (2.0, 1.0)}
    dispatcher = run(action, fake.handle, intent=intent, language=lang, text=text, entities=[])
    said = [m.get("text") for m in dispatcher.messages]
    assert PURPOSE[lang] in said, dispatcher.messages


@pytest.mark.parametrize("text", ["لانڈری کس لیے ہے", "yeh hall kis liye hai"])
def test_urdu_asks_for_what(text: str) -> None:
    assert asks_purpose(text)


@pytest.mark.parametrize(
    "text",
    [
        "what do I wear to the flag raising",
        "where does the shuttle go",
        "what time does it start",
        # A place to do something asks where, not what a place is for (tests/e2e's French
        # prayer question got the prayer hall's purpose before the topic's text).
        "y a-t-il un endroit pour faire la prière sur le camp ?",
        "où faire sa lessive",
    ],
)
def test_no_purpose_asked(text: str) -> None:
    assert not asks_purpose(text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "what is Well Square used for, is it near the prayer tent"), ("ar", "ساحة البئر لشو؟")],
)
def test_a_place_asked_what_for_under_a_topic_says_its_purpose_first(lang: str, text: str) -> None:
    # "à quoi sert le centre médical", "لانڈری کس لیے ہے": taken for the place's topic, the
    # answer was the topic's text alone, which says how to use the place, not what it offers.
    fake = FakeLookup(other_pack())
    fake.search_hits = [("venue", "well-square")]
    fake.search_figures = {("venue", "well-square"): (1.0, 0.6)}  # by name, not plainly
    dispatcher = run(
        ActionAnswerTopic,
        fake.handle,
        intent="ask_prayer_facilities",
        language=lang,
        text=text,
        entities=[],
    )
    said = [m.get("text") for m in dispatcher.messages]
    assert said[0] == PURPOSE[lang], dispatcher.messages
    assert TOPIC_TEXT[lang] in said[1:], dispatcher.messages  # the topic's text after it


def test_a_topic_not_asked_what_a_place_is_for_says_no_purpose() -> None:
    fake = FakeLookup(other_pack())
    fake.search_hits = [("venue", "well-square")]
    fake.search_figures = {("venue", "well-square"): (1.0, 0.6)}
    dispatcher = run(
        ActionAnswerTopic,
        fake.handle,
        intent="ask_prayer_facilities",
        language="en",
        text="where can I pray near Well Square",
        entities=[],
    )
    assert PURPOSE["en"] not in [m.get("text") for m in dispatcher.messages]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "what is well square? where is it?"),
        ("fr", "c'est quoi la place du puits ? elle est où ?"),
        ("ar", "شو هي ساحة البئر؟ وين؟"),
    ],
)
def test_a_place_asked_what_it_is_says_its_purpose(lang: str, text: str) -> None:
    # Its card says where it is and when it is open, not what it is (asks_what_it_is).
    fake = FakeLookup(other_pack())
    fake.search_hits = [("venue", "well-square")]
    fake.search_figures = {("venue", "well-square"): (2.0, 1.0)}
    dispatcher = run(
        ActionAnswerVenue, fake.handle, intent="ask_venue_info", language=lang, text=text
    )
    assert PURPOSE[lang] in [m.get("text") for m in dispatcher.messages], dispatcher.messages


@pytest.mark.parametrize(
    "text",
    ["Well Square?", "what time does Well Square open", "what is the address of Well Square"],
)
def test_a_place_named_or_asked_something_else_keeps_its_card_alone(text: str) -> None:
    fake = FakeLookup(other_pack())
    fake.search_hits = [("venue", "well-square")]
    fake.search_figures = {("venue", "well-square"): (2.0, 1.0)}
    dispatcher = run(
        ActionAnswerVenue, fake.handle, intent="ask_venue_info", language="en", text=text
    )
    assert PURPOSE["en"] not in [m.get("text") for m in dispatcher.messages], dispatcher.messages
