"""An item whose name (or place, role, directions) is missing in the visitor's language is said
without it: no empty name before a colon, no comma before nothing (the fresh answer set's Urdu
reply ": بدھ 2 جون 07:00–07:30، ۔"), and what the item has (a time, hours, a number) is still
said. Never another language's text (issue 21)."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.answer_found import say_contact, say_event, say_item, say_rank, say_venue
from actions.answer_schedule import event_line

START, END = "2027-06-02T07:00:00+01:00", "2027-06-02T07:30:00+01:00"


def event(title: str = "", place: str = "", dress: str = "") -> dict[str, Any]:
    related: dict[str, Any] = {"venue": {"fields": {"name": place}}}
    if dress:
        related["dress"] = {"fields": {"name": dress}}
    return {
        "kind": "event",
        "lang": "ur",
        "fields": {"title": title, "start": START, "end": END, "kind": "ceremony"},
        "related": related,
    }


def said(dispatcher: CollectingDispatcher) -> list[str]:
    """What was said in words, the not-translated notice (a response) aside."""
    return [m["text"] for m in dispatcher.messages if m["text"]]


def notices(dispatcher: CollectingDispatcher) -> list[str]:
    return [m["response"] for m in dispatcher.messages if m["response"]]


def test_an_event_without_its_name_or_place_says_its_time_alone() -> None:
    dispatcher = CollectingDispatcher()
    say_event(dispatcher, event(), "ur")
    [text] = said(dispatcher)
    assert "07:00–07:30" in text and "2" in text
    assert text.endswith("07:30۔")
    assert not text.startswith(":") and "،" not in text
    # No name: the event is called by its kind, and the visitor is told the name is missing.
    assert text.startswith("تقریب: ")
    assert notices(dispatcher) == ["utter_not_translated"]


def test_an_event_without_its_place_has_no_comma_before_nothing() -> None:
    for lang, expected in (
        ("en", "Flag raising: "),
        ("fr", "Flag raising : "),
    ):
        dispatcher = CollectingDispatcher()
        say_event(dispatcher, event(title="Flag raising"), lang)
        [text] = said(dispatcher)
        assert text.startswith(expected) and text.endswith("07:30.")


def test_an_event_without_its_name_keeps_its_place_and_dress() -> None:
    dispatcher = CollectingDispatcher()
    say_event(dispatcher, event(place="ساحة البئر", dress="الحذاء الميداني"), "ar")
    [text] = said(dispatcher)
    assert text.endswith("07:30، ساحة البئر. اللباس: الحذاء الميداني.")
    assert text.startswith("مراسم: ")
    assert notices(dispatcher) == ["utter_not_translated"]


def test_a_whole_event_still_uses_its_template() -> None:
    dispatcher = CollectingDispatcher()
    say_event(dispatcher, event(title="Flag raising", place="Well Square"), "en")
    assert dispatcher.messages[0]["response"] == "utter_event_details_no_dress"


def test_a_schedule_line_without_title_or_place() -> None:
    assert event_line(event()) == "07:00–07:30"
    assert event_line(event(place="Well Square")) == "07:00–07:30 — Well Square"


def test_a_venue_without_name_or_directions_says_its_hours() -> None:
    venue = {"kind": "venue", "lang": "ur", "fields": {"hours": {"weekly": {"mon": "06:00-20:00"}}}}
    dispatcher = CollectingDispatcher()
    say_venue(dispatcher, venue, "ur")
    [text] = said(dispatcher)
    assert text.startswith("اوقاتِ کار: ") and "06:00" in text and text.endswith("۔")
    assert notices(dispatcher) == ["utter_not_translated"]


def test_a_venue_with_nothing_in_the_language_is_said_missing() -> None:
    venue = {"kind": "venue", "lang": "ur", "fields": {}, "available_in": ["en"]}
    dispatcher = CollectingDispatcher()
    say_venue(dispatcher, venue, "ur")
    assert dispatcher.messages[0]["response"] == "utter_not_translated_offer"


def test_a_contact_without_name_and_role_says_its_number() -> None:
    contact = {
        "kind": "contact",
        "lang": "ur",
        "fields": {"phone": "+000 555 7000", "languages": ["fr", "ar"]},
    }
    dispatcher = CollectingDispatcher()
    say_contact(dispatcher, contact, "ur")
    [text] = said(dispatcher)
    assert text.startswith("فون: +000 555 7000 (زبانیں: ") and text.endswith(")۔")
    assert notices(dispatcher) == ["utter_not_translated"]


def test_a_contact_without_role() -> None:
    contact = {"kind": "contact", "lang": "en", "fields": {"name": "Duty desk", "phone": "7000"}}
    dispatcher = CollectingDispatcher()
    say_contact(dispatcher, contact, "en")
    assert said(dispatcher) == ["Duty desk: 7000."]


def test_a_dress_code_without_its_name() -> None:
    item = {"kind": "dress_code", "lang": "fr", "fields": {"description": "Rangers noires."}}
    dispatcher = CollectingDispatcher()
    asyncio.run(say_item(None, dispatcher, item, "fr"))  # type: ignore[arg-type]
    assert said(dispatcher) == ["Rangers noires."]


def test_a_rank_without_any_title_in_the_language_is_said_missing() -> None:
    rank = {
        "kind": "rank",
        "lang": "ur",
        "available_in": ["en"],
        "fields": {"code": "OF-2", "titles": {"hst": ["", ""], "gst": []}},
    }
    exercise = {"nations": [{"code": "hst", "name": ""}, {"code": "gst", "name": ""}]}
    dispatcher = CollectingDispatcher()
    say_rank(dispatcher, rank, exercise)
    assert said(dispatcher) == ["نیٹو عہدہ: OF-2 (STANAG 2116)۔"]
    assert notices(dispatcher) == ["utter_not_translated_offer"]
