"""Roman Urdu, Urdu typed in Latin letters (bot/nlu/roman_urdu.py): identified as Urdu and left
as typed by the Arabizi transliterator, while English, French and Arabizi stay what they were."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.arabizi import ARABIZI_TEXT, ArabiziTransliterator
from bot.nlu.language_detector import DETECTED_LANGUAGE, LanguageDetector
from bot.nlu.language_id import LanguageIdentifier
from bot.nlu.roman_urdu import is_roman_urdu

ROOT = Path(__file__).resolve().parents[2]
IDENTIFIER = LanguageIdentifier(["ar", "en", "fr", "ur"])

ROMAN_URDU = [
    "namaz ki jagah kahan hai?",
    "kal bus kitne baje aye gi",
    "mujhe doctor chahiye",
    "mess kab khulta h",
    "wifi ka password kya hai",
    "bhai laundry kidhar hai",
    "kya aap english mein jawab de sakte hain",
    "shukriya",
    "options dikhao",
    "tum bot ho na",
    "sir opening ceremony kitne baje hai",
]


@pytest.mark.parametrize("text", ROMAN_URDU)
def test_roman_urdu_is_urdu(text: str) -> None:
    assert is_roman_urdu(text)
    assert IDENTIFIER.identify(text) == "ur"


@pytest.mark.parametrize(
    "text",
    [
        "where is the mess",
        "when does the bus leave for the range",
        "is there a main gate for visitors",
        "what does kya hai mean",  # Urdu quoted in English
        "le mess ouvre quand ?",
        "ki est le contact pour la laundry",  # French SMS
        "koi de neuf pour le programme d'aujourd'hui",
        "wain el mat3am?",
        "a7tag dawa",
        "shu el barnamaj bukra",
    ],
)
def test_english_french_and_arabizi_are_not_roman_urdu(text: str) -> None:
    assert not is_roman_urdu(text)


@pytest.mark.parametrize(
    "text",
    [
        # English nouns joined by one Urdu postposition, longer than three words
        "transport cell ka duty roster",
        "visitor centre ke opening hours",
        # the forms of asking, sending and calling that visitors type after an English noun
        "event list bhejo",
        "duty officer bulao",
        "closing time batayein",
    ],
)
def test_english_nouns_with_urdu_postpositions_or_verbs_are_roman_urdu(text: str) -> None:
    assert is_roman_urdu(text)
    assert IDENTIFIER.identify(text) == "ur"


@pytest.mark.parametrize(
    "text",
    [
        # Urdu's polite imperative, "do" (give) after a verb stem, beside English words
        "menu ka photo bhej do please",
        "ye form check kar do please",
        "wifi password dikha do",
        "room number likh do please",
        "please mess timings bata do",
    ],
)
def test_a_verb_stem_with_do_is_urdu_not_english_do(text: str) -> None:
    assert is_roman_urdu(text)
    assert IDENTIFIER.identify(text) == "ur"


@pytest.mark.parametrize(
    "text", ["what do you do", "tell me what to do tonight", "how do I get a badge", "to do list"]
)
def test_english_do_is_still_english(text: str) -> None:
    assert not is_roman_urdu(text)


@pytest.mark.parametrize(
    "text",
    ["Mein Kampf exhibit tickets", "tent row number ko", "KO round at the gym tonight"],
)
def test_a_postposition_at_an_end_or_beside_english_function_words_is_not_enough(
    text: str,
) -> None:
    assert not is_roman_urdu(text)


@pytest.mark.parametrize("text", ["ok", "bus", "salam", "inshallah", "hi", "menu", "thx", "merci"])
def test_short_neutral_messages_are_not_roman_urdu(text: str) -> None:
    assert not is_roman_urdu(text)
    assert IDENTIFIER.identify(text) != "ur"


@cache
def _examples(lang: str, pattern: str) -> tuple[str, ...]:
    texts: list[str] = []
    for path in sorted((ROOT / "data" / "nlu" / lang).glob(pattern)):
        if path.name not in {"opsec_patterns.yml", "closed_classes.yml", "entity_kinds.yml"}:
            texts += [m.get(TEXT) for m in load_data(str(path)).intent_examples]
    return tuple(texts)


@pytest.mark.parametrize("lang,pattern", [("en", "*.yml"), ("fr", "*.yml"), ("ar", "arabizi*.yml")])
def test_no_english_french_or_arabizi_training_example_is_roman_urdu(
    lang: str, pattern: str
) -> None:
    examples = _examples(lang, pattern)
    assert examples
    assert [text for text in examples if is_roman_urdu(text)] == []


def test_the_roman_urdu_examples_are_read_as_urdu() -> None:
    examples = _examples("ur", "roman_urdu.yml")
    assert len(examples) >= 300
    missed = [text for text in examples if IDENTIFIER.identify(text) != "ur"]
    # English-only lines ("ok bye", "main menu") and a few one-word ones stay with the
    # conversation's language.
    assert len(missed) <= len(examples) // 10, missed


def test_roman_urdu_goes_through_the_pipeline_as_typed_and_urdu() -> None:
    urdu = Message(data={TEXT: "namaz ki jagah kahan hai?"})
    arabizi = Message(data={TEXT: "shu el barnamaj bukra w emta el ghada"})
    ArabiziTransliterator({}).process([urdu, arabizi])
    LanguageDetector({}).process([urdu, arabizi])
    assert urdu.get(TEXT) == "namaz ki jagah kahan hai?"
    assert urdu.get(ARABIZI_TEXT) is None
    assert urdu.get(DETECTED_LANGUAGE) == "ur"
    assert arabizi.get(DETECTED_LANGUAGE) == "ar"
