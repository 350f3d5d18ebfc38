"""Answer misses by kind of the eighth questions (issue 20): a question asking what a place is
for gets the place's purpose, which its card (directions and hours) does not say; a place's
hours on a day, taken for a prayer question, get the place; who heads a service, taken for the
service's topic, gets the contact."""

from __future__ import annotations

import pytest

from actions.answer_search import ActionAnswerVenue
from actions.answer_topic import ActionAnswerTopic
from actions.handoff import ActionNotUnderstood
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

# Questions of the kind, not the held-out sentences; the purpose as the answer says it.
PURPOSE_ASKED = {
    "en": ("what is the purpose of Well Square", "Well Square: Parades."),
    "fr": ("la place du puits, elle sert à quoi ?", "Place du Puits : Défilés."),
    "ar": ("ما الغرض من ساحة البئر", "ساحة البئر: الاستعراضات."),
}


def _finding_the_square() -> FakeLookup:
    fake = FakeLookup(other_pack())
    fake.search_hits = [("venue", "well-square")]
    fake.search_figures = {("venue", "well-square"): (2.0, 1.0)}
    return fake


@pytest.mark.parametrize("lang", sorted(PURPOSE_ASKED))
def test_a_venue_question_asking_its_use_says_its_purpose(lang: str) -> None:
    # "what is Well Square used for" got the square's directions and hours only.
    question, purpose = PURPOSE_ASKED[lang]
    dispatcher = run(
        ActionAnswerVenue, _finding_the_square().handle, language=lang, text=question, entities=[]
    )
    said = [m.get("text") for m in dispatcher.messages]
    assert dispatcher.messages[0].get("response") == "utter_venue_details"
    assert said[1] == purpose


@pytest.mark.parametrize("lang", sorted(PURPOSE_ASKED))
def test_the_fallback_finding_a_venue_says_its_purpose_when_asked(lang: str) -> None:
    question, purpose = PURPOSE_ASKED[lang]
    dispatcher = run(
        ActionNotUnderstood,
        _finding_the_square().handle,
        intent="nlu_fallback",
        language=lang,
        text=question,
    )
    assert purpose in [m.get("text") for m in dispatcher.messages]


def test_the_purpose_is_not_said_unasked() -> None:
    dispatcher = run(
        ActionAnswerVenue,
        _finding_the_square().handle,
        language="en",
        text="when does Well Square open",
        entities=[],
    )
    assert "Well Square: Parades." not in [m.get("text") for m in dispatcher.messages]


def test_a_place_named_alone_with_a_day_overrides_the_prayer_topic() -> None:
    # "is Well Square open on <weekday>" was taken for prayer facilities, whose questions may
    # name places: the prayer tent's text answered, not the square's hours.
    dispatcher = run(
        ActionAnswerTopic,
        _finding_the_square().handle,
        intent="ask_prayer_facilities",
        language="en",
        text="is Well Square open on Saturday",
        entities=[],
    )
    assert dispatcher.messages[0].get("response") == "utter_venue_details"
    assert "Prayer tent C, next to the well." not in [m.get("text") for m in dispatcher.messages]


@pytest.mark.parametrize(
    "text",
    ["where can I pray near Well Square", "is there a prayer tent, and when is Friday prayer"],
)
def test_a_prayer_question_not_asking_a_place_open_keeps_its_topic(text: str) -> None:
    # The second, with its day left out, named a prayer room whole: its card answered, not the
    # prayer text (development questions).
    dispatcher = run(
        ActionAnswerTopic,
        _finding_the_square().handle,
        intent="ask_prayer_facilities",
        language="en",
        text=text,
        entities=[],
    )
    assert "Prayer tent C, next to the well." in [m.get("text") for m in dispatcher.messages]


@pytest.mark.parametrize(
    ("lang", "question"),
    [("en", "who is in charge of the welcome desk"), ("ur", "ویلکم ڈیسک کا انچارج کون ہے")],
)
def test_who_heads_a_service_taken_for_its_topic_gets_the_contact(lang: str, question: str) -> None:
    # "مين رئيس الخلية الطبية" was taken for the medical topic: the medical text answered, not
    # the head of the medical cell the search found.
    pack = other_pack()
    fake = FakeLookup(pack)
    contact = pack["contacts"][0]
    fake.search_hits = [("contact", contact["id"])]
    fake.search_figures = {("contact", contact["id"]): (0.5, 1.0)}
    dispatcher = run(
        ActionAnswerTopic,
        fake.handle,
        intent="ask_medical",
        language=lang,
        text=question,
        entities=[],
    )
    assert dispatcher.messages[0].get("response") == "utter_contact" or contact["phone"] in str(
        dispatcher.messages[0]
    )


def test_a_topic_question_asking_no_one_keeps_its_topic() -> None:
    pack = other_pack()
    fake = FakeLookup(pack)
    contact = pack["contacts"][0]
    fake.search_hits = [("contact", contact["id"])]
    fake.search_figures = {("contact", contact["id"]): (0.5, 1.0)}
    dispatcher = run(
        ActionAnswerTopic, fake.handle, intent="ask_medical", language="en", text="medical care"
    )
    assert dispatcher.messages[0].get("response") != "utter_contact"
