from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.language_detector import LanguageDetector
from bot.nlu.language_id import LanguageIdentifier

IDENTIFIER = LanguageIdentifier(["ar", "en", "fr"])


@pytest.mark.parametrize(
    "text,expected",
    [
        ("وين المطعم؟", "ar"),
        ("متى الغدا", "ar"),
        ("أين المُصَلّى", "ar"),  # diacritics do not matter
        ("where can I pray", "en"),
        ("when is breakfast", "en"),
        ("où est la salle de prière", "fr"),
        ("ou est la salle de priere", "fr"),  # accents dropped
        ("bonjour", "fr"),
        ("thanks", "en"),
        ("أين الطعام? food", "ar"),  # mostly Arabic script
    ],
)
def test_identifies_the_language(text: str, expected: str) -> None:
    assert IDENTIFIER.identify(text) == expected


@pytest.mark.parametrize(
    "text",
    # Too short or too international to tell: the conversation's language stands.
    ["", "  ", "12:30", "ok merci", "menu", "?!", "ok", "OK!", "okay", "wifi ?", "halal", "merci"],
)
def test_abstains_when_it_cannot_tell(text: str) -> None:
    assert IDENTIFIER.identify(text) is None


def test_unknown_language_code_is_refused() -> None:
    with pytest.raises(ValueError):
        LanguageIdentifier(["ar", "qq"])


def detect(text: str) -> list[dict]:
    component = LanguageDetector({**LanguageDetector.get_default_config()})
    [message] = component.process([Message(data={TEXT: text})])
    return [e for e in message.get(ENTITIES, []) if e["entity"] == "language"]


def test_component_tags_the_message_with_a_language_entity() -> None:
    [entity] = detect("à quelle heure est le dîner ?")
    assert entity["value"] == "fr"
    assert entity["extractor"] == "LanguageDetector"


def test_component_adds_nothing_when_unsure_so_the_slot_keeps_its_value() -> None:
    assert detect("menu") == []


def test_urdu_is_never_taken_for_arabic() -> None:
    urdu = "کھانا کب ملے گا؟"  # "when will food be served?"
    assert IDENTIFIER.identify(urdu) is None  # Urdu is not one of this assistant's languages
    assert LanguageIdentifier(["ar", "en", "fr", "ur"]).identify(urdu) == "ur"
    assert LanguageIdentifier(["ar", "en", "fr", "ur"]).identify("متى الغداء؟") == "ar"
