"""Saying that a text is missing in the visitor's language, never filling it in from another
(issue 21): the lookup service names the exercise's languages that have the text (`available_in`);
the visitor is told, in their language, which those are, with a button for each that switches the
conversation to it (the `switch_language` shortcut the web chat's picker sends too).

Before that notice the visitor still gets the item's language-neutral facts (issue 20): a
visitor asking in Urdu for the medical line's number or a tent's hours must not go without the
number or the time because the item's name exists only in French. Language-neutral means a
structured field of the pack schema (lookup/packs/schema.py) whose value is the same in every
language and which the visitor's own catalog templates and CLDR (Babel) say:

- a venue's opening hours (those in force: Ramadan's in Ramadan), as the venue answer says them;
- an event's start and end (day and time, in the exercise's time zone) and its kind (ceremony,
  briefing, training, social: an enumeration, named through the catalog);
- a contact's phone number and e-mail address, when the field holds only that (a phone field
  reading "2230 from a camp phone" is words, and not said), and the languages the contact
  speaks (codes, named by CLDR);
- a rank's NATO code (OF-2);
- the exercise's first and last days.

Never a `Translations` text (a name, title, description, directions, role, a topic's text, a
contact's hours) and never a free-text field (a radio call sign is words, in some language):
such a text is said only when it exists in the visitor's language (an event's venue named in
Urdu). An item without its name in the language is referred to generically ("Opening hours:",
"Phone:", "Ceremony:"), in the visitor's catalog. Topics, dress codes and phrases have no such
facts: the notice alone. The service answers for the visitor's tier, so nothing here reaches a
visitor who could not read the item (an item withheld is never handed to an action).

Pressing one of the offered languages answers the question in it (issue 21): the answering
action keeps the question it could only give the notice for in the `pending_question` slot
(`after_answer`), and the switch of language that follows answers it again in the language
chosen (actions/switch_language.py). The question travels in the conversation's tracker, not
in the button's payload: the payload stays the web chat picker's, 44 bytes, within Telegram's
64 for a button, the same on every channel and replica and after a restart (the tracker store
holds it), and a visitor typing a payload cannot hand the bot a question of their choosing.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import incomplete, rendering
from common.i18n import N_, translator
from common.i18n.formatting import language_names
from common.languages import ALSO_READ, LANGUAGE_NAMES

DOMAIN = "visitor"
OFFER = "utter_not_translated_offer"
# The slot that keeps the question answered with the notice and its offer (domain.yml).
PENDING_SLOT = "pending_question"
# How long the offer stands: a switch of language later than that only switches (an offer
# pressed in a conversation left open overnight is not an answer anyone still waits for).
PENDING_SECONDS = 30 * 60
# What of the question is kept, at most: the guard's cap on a message's length, the model's
# ranking's first intents, entities.
PENDING_TEXT_CHARS = 2000
PENDING_RANKED = 10
PENDING_ENTITIES = 20

# TRANSLATORS: an item's phone number said without the item's name, which is missing in the
# visitor's language.
_PHONE = N_("Phone: {phone}")
# TRANSLATORS: an item's e-mail address said without the item's name.
_EMAIL = N_("E-mail: {email}")
_GRADE = N_("NATO grade: {code} (STANAG 2116).")
# TRANSLATORS: the exercise's first and last days, said when its name is missing in the language.
_EXERCISE_DATES = N_("The exercise runs from {start} to {end}.")
# An event named by its kind when its title is missing in the visitor's language.
EVENT_KINDS: dict[str, str] = {
    # TRANSLATORS: an event of the exercise whose own title is missing in the language.
    "ceremony": N_("Ceremony"),
    # TRANSLATORS: an event of the exercise whose own title is missing in the language.
    "briefing": N_("Briefing"),
    # TRANSLATORS: an event of the exercise whose own title is missing in the language.
    "training": N_("Training"),
    # TRANSLATORS: an event of the exercise whose own title is missing in the language.
    "social": N_("Social event"),
}
# A phone field said without the item's words: digits and the separators numbers are written
# with, nothing else ("+000 555 7000", "(0)22 30-11"); an e-mail address alone.
PHONE_SHAPE = re.compile(r"^\+?[0-9][0-9 ().\-/]*[0-9]$")
EMAIL_SHAPE = re.compile(r"^[^\s@]+@[^\s@]+\.[^\s@]+$")


def offered_languages(item: dict[str, Any], lang: str) -> list[str]:
    """The languages the item's missing texts exist in that the assistant can answer in: those
    a reader of `lang` most likely reads too first (ALSO_READ), then the exercise's order."""
    available = [code for code in item.get("available_in") or [] if code in LANGUAGE_NAMES]
    first = [code for code in ALSO_READ.get(lang, ()) if code in available]
    return first + [code for code in available if code not in first]


def switch_payload(code: str) -> str:
    return "/switch_language" + json.dumps({"requested_language": code})


def _say(lang: str, message: str, **parts: str) -> str:
    return translator(lang, DOMAIN).gettext(message).format(**parts)


def _text(fields: Mapping[str, Any], name: str) -> str:
    value = fields.get(name)
    return value.strip() if isinstance(value, str) else ""


def _related_name(item: Mapping[str, Any], name: str) -> str:
    """The name of an item the service attached (an event's venue, its dress) in the visitor's
    language; "" when it has none in it."""
    return _text(item.get("related", {}).get(name, {}).get("fields", {}), "name")


def event_kind(kind: Any, lang: str) -> str:
    """An event's kind in `lang` ("تقریب" for a ceremony), what an event without its title in
    the language is called; "" for a kind the catalog does not name."""
    label = EVENT_KINDS.get(str(kind))
    return _say(lang, label) if label else ""


def reach(fields: Mapping[str, Any], lang: str) -> str:
    """'Phone: +000 555 7000 · E-mail: desk@x.invalid', from the fields that hold only a number
    or an address; "" when none does."""
    said = []
    phone, email = _text(fields, "phone"), _text(fields, "email")
    if PHONE_SHAPE.match(phone):
        said.append(_say(lang, _PHONE, phone=phone))
    if EMAIL_SHAPE.match(email):
        said.append(_say(lang, _EMAIL, email=email))
    return " · ".join(said)


def neutral_facts(
    item: dict[str, Any],
    lang: str,
    hours_text: Callable[[dict[str, str]], str] | None = None,
) -> str:
    """The item's language-neutral facts as one sentence in `lang` (see the module's docstring),
    with its texts that do exist in `lang` but never its name; "" when it has none. `hours_text`:
    how a venue's hours are said (one day's, for a question naming a day), else the week's."""
    kind, fields = item.get("kind"), item.get("fields") or {}
    if kind == "venue":
        hours_of = fields.get("hours") or {}
        weekly = hours_of.get("current") or hours_of.get("weekly")
        if not weekly:
            return ""
        hours = hours_text(weekly) if hours_text else rendering.opening_hours(weekly, lang)
        return incomplete.venue("", _text(fields, "directions"), hours, lang)
    if kind == "event" and fields.get("start") and fields.get("end"):
        return incomplete.event(
            title=event_kind(fields.get("kind"), lang),
            when=rendering.when(fields["start"], fields["end"], lang),
            place=_related_name(item, "venue"),
            dress=_related_name(item, "dress"),
            lang=lang,
        )
    if kind == "contact":
        how = reach(fields, lang)
        if not how:  # the languages alone are no way to reach anyone
            return ""
        languages = rendering.language_names(fields.get("languages") or [], lang)
        role = _text(fields, "role").rstrip(". ")
        return incomplete.contact("", role, how, languages, lang)
    if kind == "exercise" and fields.get("start_date") and fields.get("end_date"):
        start, end = (date.fromisoformat(fields[key]) for key in ("start_date", "end_date"))
        return _say(
            lang,
            _EXERCISE_DATES,
            start=rendering.full_date(start, lang),
            end=rendering.full_date(end, lang),
        )
    if kind == "rank" and fields.get("code"):
        return _say(lang, _GRADE, code=str(fields["code"]))
    return ""


def say_not_translated(
    dispatcher: CollectingDispatcher,
    item: dict[str, Any],
    lang: str,
    hours_text: Callable[[dict[str, str]], str] | None = None,
) -> None:
    """The item's language-neutral facts, if it has any (`neutral_facts`), then 'Not yet in
    Urdu; it exists in English and Arabic' with a button per language (each named in itself, as
    the language picker does), or only 'ask the liaison team' when none has it. One answer
    saying several such items gives the same notice once."""
    facts = neutral_facts(item, lang, hours_text)
    if facts:
        dispatcher.utter_message(text=facts)
    say_notice(dispatcher, item, lang)


def say_notice(dispatcher: CollectingDispatcher, item: dict[str, Any], lang: str) -> None:
    """The notice and offer alone, once per answer: for an item whose neutral facts the answer
    said itself (a line of a day's programme)."""
    offered = offered_languages(item, lang)
    if not offered:
        notice: dict[str, Any] = {"response": "utter_not_translated"}
    else:
        notice = {
            "response": OFFER,
            "buttons": [
                {"title": LANGUAGE_NAMES[code], "payload": switch_payload(code)} for code in offered
            ],
            "languages": language_names(offered, lang),
        }
    if any(_same_notice(said, notice) for said in dispatcher.messages):
        return
    dispatcher.utter_message(**notice)


def _same_notice(said: Mapping[str, Any], notice: Mapping[str, Any]) -> bool:
    return said.get("response") == notice["response"] and all(
        said.get(key) == notice[key] for key in ("buttons", "languages") if key in notice
    )


def after_answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, action: str, lang: str
) -> list[dict[str, Any]]:
    """The events an answering action ends with: the question kept in PENDING_SLOT when its
    answer offered other languages (`say_notice`), so that pressing one answers it; the slot
    emptied when the answer did not (the offer of an earlier answer is no longer pending);
    nothing otherwise."""
    if any(said.get("response") == OFFER for said in dispatcher.messages):
        return [SlotSet(PENDING_SLOT, kept_question(tracker, action, lang))]
    if tracker.get_slot(PENDING_SLOT) is not None:
        return [SlotSet(PENDING_SLOT, None)]
    return []


def kept_question(tracker: Tracker, action: str, lang: str) -> dict[str, Any]:
    """What answering the latest message again needs: the action that answered it, the language
    it was answered in, when, and the message as the NLU read it (text, intent and its ranking,
    entities)."""
    latest = tracker.latest_message or {}
    return {
        "action": action,
        "language": lang,
        "asked_at": time.time(),
        "message": {
            "text": str(latest.get("text") or "")[:PENDING_TEXT_CHARS],
            "intent": _ranked(latest.get("intent")) or {"name": None},
            "intent_ranking": _ranking(latest.get("intent_ranking")),
            "entities": _entities(latest.get("entities")),
        },
    }


def pending_question(
    tracker: Tracker, actions: frozenset[str], now: float | None = None
) -> dict[str, Any] | None:
    """The question kept in PENDING_SLOT, if it is well formed, one of `actions` answered it and
    it is not older than PENDING_SECONDS; None otherwise. Read like any input: only what
    `kept_question` writes, in the shapes it writes, is taken."""
    kept = tracker.get_slot(PENDING_SLOT)
    if not isinstance(kept, dict):
        return None
    action, lang, asked_at = kept.get("action"), kept.get("language"), kept.get("asked_at")
    message = kept.get("message")
    if not isinstance(action, str) or not isinstance(lang, str) or not isinstance(message, dict):
        return None
    if action not in actions or lang not in LANGUAGE_NAMES:
        return None
    now = time.time() if now is None else now
    if not isinstance(asked_at, (int, float)) or not 0 <= now - asked_at <= PENDING_SECONDS:
        return None
    text, intent = message.get("text"), _ranked(message.get("intent"))
    if not isinstance(text, str) or not text or len(text) > PENDING_TEXT_CHARS or not intent:
        return None
    return {
        "action": action,
        "language": lang,
        "message": {
            "text": text,
            "intent": intent,
            "intent_ranking": _ranking(message.get("intent_ranking")),
            "entities": _entities(message.get("entities")),
        },
    }


def _ranked(value: Any) -> dict[str, Any] | None:
    """{"name", "confidence"} of an intent, when it has a name."""
    if not isinstance(value, dict) or not isinstance(value.get("name"), str):
        return None
    confidence = value.get("confidence")
    ranked: dict[str, Any] = {"name": value["name"][:100]}
    if isinstance(confidence, (int, float)) and not isinstance(confidence, bool):
        ranked["confidence"] = float(confidence)
    return ranked


def _ranking(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        return []
    ranked = (_ranked(item) for item in value[:PENDING_RANKED])
    return [item for item in ranked if item]


# An entity's keys the actions read, with the types they hold.
ENTITY_KEYS: dict[str, tuple[type, ...]] = {
    "entity": (str,),
    "value": (str, int, float),
    "start": (int,),
    "end": (int,),
    "role": (str,),
    "group": (str,),
}


def _entities(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        return []
    kept = []
    for entity in value[:PENDING_ENTITIES]:
        if not isinstance(entity, dict) or not isinstance(entity.get("entity"), str):
            continue
        if not isinstance(entity.get("value"), ENTITY_KEYS["value"]):
            continue
        kept.append(
            {
                key: entity[key]
                for key, types in ENTITY_KEYS.items()
                if isinstance(entity.get(key), types) and not isinstance(entity.get(key), bool)
            }
        )
    return kept
