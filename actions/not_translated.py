"""Saying that a text is missing in the visitor's language, never filling it in from another
(issue 21): the lookup service names the exercise's languages that have the text (`available_in`);
the visitor is told, in their language, which those are, with a button for each that switches the
conversation to it (the `switch_language` shortcut the web chat's picker sends too)."""

from __future__ import annotations

import json
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from common.i18n.formatting import language_names
from common.languages import LANGUAGE_NAMES


def offered_languages(item: dict[str, Any]) -> list[str]:
    """The languages the item's missing texts exist in that the assistant can answer in."""
    return [code for code in item.get("available_in") or [] if code in LANGUAGE_NAMES]


def switch_payload(code: str) -> str:
    return "/switch_language" + json.dumps({"requested_language": code})


def say_not_translated(dispatcher: CollectingDispatcher, item: dict[str, Any], lang: str) -> None:
    """'Not yet in Urdu; it exists in English and Arabic' with a button per language (each named
    in itself, as the language picker does), or only 'ask the liaison team' when none has it."""
    offered = offered_languages(item)
    if not offered:
        dispatcher.utter_message(response="utter_not_translated")
        return
    dispatcher.utter_message(
        response="utter_not_translated_offer",
        buttons=[
            {"title": LANGUAGE_NAMES[code], "payload": switch_payload(code)} for code in offered
        ],
        languages=language_names(offered, lang),
    )
