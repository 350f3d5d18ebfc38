"""An item whose name is missing in the visitor's language (the second exercise has no Urdu):
the visitor still gets its language-neutral facts (a venue's hours, an event's time, a contact's
number, a rank's NATO code) through their own catalog, then the notice and the offer of the
languages that have the item (issue 21, unchanged). Never a text of another language, never a
free-text field, and nothing the visitor's tier may not read (actions/not_translated.py)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_directory import ActionAnswerContacts, ActionAnswerExercise
from actions.answer_schedule import ActionAnswerSchedule
from actions.answer_search import ActionAnswerEvent, ActionAnswerRank, ActionAnswerVenue
from actions.answer_topic import ActionAnswerTopic
from actions.not_translated import neutral_facts, say_not_translated
from common.i18n.formatting import language_names
from common.languages import LANGUAGES
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.actions.test_enrolment import TieredLookup
from tests.packs import other_pack

PACK = other_pack()  # no Urdu text at all; the exercise's languages are fr, en, ar
OFFERED = ["en", "ar", "fr"]  # to an Urdu reader, English and Arabic first (ALSO_READ)


def pack_texts(value: Any) -> list[str]:
    """Every text of the pack in every language: none may be said to an Urdu visitor."""
    if isinstance(value, dict) and value and set(value) <= set(LANGUAGES):
        return [text for text in value.values() if isinstance(text, str)]
    if isinstance(value, dict):
        return [text for inner in value.values() for text in pack_texts(inner)]
    if isinstance(value, list):
        return [text for inner in value for text in pack_texts(inner)]
    return []


def fake_finding(kind: str, item_id: str) -> FakeLookup:
    fake = FakeLookup(PACK)
    fake.search_hits = [(kind, item_id)]
    fake.search_figures = {(kind, item_id): (2.0, 1.0)}
    return fake


def texts(dispatcher: CollectingDispatcher) -> list[str]:
    return [m["text"] for m in dispatcher.messages if m["text"]]


def assert_offer_follows(dispatcher: CollectingDispatcher, facts: str) -> None:
    """The facts, then the offer of the languages that have the item, and no pack text."""
    messages = dispatcher.messages
    at = next(i for i, m in enumerate(messages) if m["text"] == facts)
    offer = messages[at + 1]
    assert offer["response"] == "utter_not_translated_offer"
    assert offer["languages"] == language_names(OFFERED, "ur")
    assert len(offer["buttons"]) == len(OFFERED)
    said = " ".join(texts(dispatcher))
    assert not [text for text in pack_texts(PACK) if text in said]


def test_a_venue_without_urdu_gives_its_hours_then_the_offer() -> None:
    fake = fake_finding("venue", "well-square")
    dispatcher = run(ActionAnswerVenue, fake.handle, language="ur", text="ویل اسکوائر کے اوقات")
    facts = texts(dispatcher)[0]
    assert facts.startswith("اوقاتِ کار: ") and "06:00–20:00" in facts
    assert_offer_follows(dispatcher, facts)


def test_an_event_without_urdu_gives_its_kind_and_time_then_the_offer() -> None:
    fake = fake_finding("event", "raising")
    dispatcher = run(ActionAnswerEvent, fake.handle, language="ur", text="پرچم کشائی کتنے بجے ہے")
    facts = texts(dispatcher)[0]
    # Babel's Urdu day and month names; the exercise's local time (Africa/Casablanca, +01:00).
    assert facts == "تقریب: بدھ 2 جون 07:00–07:30۔"
    assert_offer_follows(dispatcher, facts)


def test_a_contact_without_urdu_gives_its_number_then_the_offer() -> None:
    fake = fake_finding("contact", "desk")
    dispatcher = run(
        ActionAnswerContacts, fake.handle, language="ur", text="لیزون ڈیسک کا فون نمبر"
    )
    facts = texts(dispatcher)[0]
    assert facts == "فون: +000 555 7000 (زبانیں: فرانسیسی اور عربی)۔"
    assert_offer_follows(dispatcher, facts)


def test_a_rank_without_urdu_titles_gives_its_nato_code_then_the_offer() -> None:
    dispatcher = run(
        ActionAnswerRank, FakeLookup(PACK).handle, language="ur", text="OF-2 کون سا عہدہ ہے"
    )
    facts = texts(dispatcher)[0]
    assert facts == "نیٹو عہدہ: OF-2 (STANAG 2116)۔"
    assert_offer_follows(dispatcher, facts)


def test_a_topic_text_is_free_text_and_one_answer_gives_the_notice_once() -> None:
    # Two meal texts, both missing in Urdu: no time is lifted from the French or English
    # sentences (a free text is never language-neutral), and the notice is said once.
    dispatcher = run(
        ActionAnswerTopic, FakeLookup(PACK).handle, intent="ask_meal_times", language="ur"
    )
    responses = [m["response"] for m in dispatcher.messages if m["response"]]
    assert responses == ["utter_not_translated_offer"]
    said = " ".join(texts(dispatcher))
    assert "06:10" not in said and "19:05" not in said
    assert not [text for text in pack_texts(PACK) if text in said]


def test_a_phone_field_of_words_and_a_radio_call_sign_are_not_said() -> None:
    contact = {
        "kind": "contact",
        "lang": "ur",
        "available_in": ["en"],
        "fields": {"phone": "2230 from a camp phone", "radio": "HERON DUTY", "languages": ["en"]},
    }
    assert neutral_facts(contact, "ur") == ""
    dispatcher = CollectingDispatcher()
    say_not_translated(dispatcher, contact, "ur")
    assert [m["response"] for m in dispatcher.messages] == ["utter_not_translated_offer"]


EVENT = {
    "kind": "event",
    "fields": {
        "kind": "briefing",
        "start": "2027-06-02T07:00:00+01:00",
        "end": "2027-06-02T07:30:00+01:00",
    },
}
RANK = {"kind": "rank", "fields": {"code": "OF-2"}}
CONTACT = {"kind": "contact", "fields": {"phone": "+000 555 7000", "email": "desk@oasis.invalid"}}
VENUE = {"kind": "venue", "fields": {"hours": {"weekly": {"mon": "06:00-20:00"}}}}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_says_the_facts_in_its_own_words(lang: str) -> None:
    said = {
        "event": neutral_facts(EVENT, lang),
        "rank": neutral_facts(RANK, lang),
        "contact": neutral_facts(CONTACT, lang),
        "venue": neutral_facts(VENUE, lang),
    }
    assert "07:00–07:30" in said["event"] and "OF-2" in said["rank"]
    assert "+000 555 7000" in said["contact"] and "desk@oasis.invalid" in said["contact"]
    assert "06:00–20:00" in said["venue"]
    english = {
        "event": "Briefing: ",
        "rank": "NATO grade",
        "contact": "Phone: ",
        "venue": "Opening",
    }
    for kind, words in english.items():
        assert (words in said[kind]) == (lang == "en"), (kind, said[kind])


def test_an_unenrolled_visitor_gets_no_time_of_an_event_for_participants() -> None:
    # The service holds the participants' event back from this visitor: the enrolment answer,
    # never its time, whatever language the event lacks.
    fake = TieredLookup(enrolled=False)
    dispatcher = run(ActionAnswerEvent, fake.handle, language="ur", text="پرچم کشائی کتنے بجے ہے")
    assert [m["response"] for m in dispatcher.messages] == ["utter_enrol_needed"]
    assert not texts(dispatcher)


def test_a_programme_without_urdu_titles_names_events_by_kind_then_the_offer() -> None:
    dispatcher = run(ActionAnswerSchedule, FakeLookup(PACK).handle, language="ur", text="پروگرام")
    listing, offer, *_ = dispatcher.messages
    assert listing["response"] == "utter_schedule_highlights"
    assert "07:00–07:30 تقریب" in listing["lines"]
    assert offer["response"] == "utter_not_translated_offer"
    assert offer["languages"] == language_names(OFFERED, "ur")


def test_an_exercise_without_its_urdu_name_gives_its_dates_then_the_offer() -> None:
    dispatcher = run(ActionAnswerExercise, FakeLookup(PACK).handle, language="ur", text="مشق کب ہے")
    facts = texts(dispatcher)[0]
    assert facts == "مشق 1 جون 2027 سے 3 جون 2027 تک جاری ہے۔"  # CLDR, Babel
    assert_offer_follows(dispatcher, facts)
    assert "utter_exercise_overview" not in str(dispatcher.messages)
