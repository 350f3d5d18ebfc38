"""Which of the assistant's languages a message is written in, or None when it cannot tell.

Abstaining matters as much as guessing: "ok", "menu" or "bye" are words of several languages, and
for those the conversation's `language` slot (what the user wrote before) is the better answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "fa", "ur", "ps"})
# Letters Urdu writes and Arabic does not (retroflex letters, noon ghunna, bari ye, do-chashmi he).
URDU_ONLY_LETTERS = frozenset("ٹڈڑںےۓھ")

# Words everyone types whatever their language: a message made only of these says nothing
# about the writer's language (the detector would call "ok" English with 87 % confidence).
NEUTRAL_WORDS = frozenset(
    [
        "ok",
        "okay",
        "okey",
        "k",
        "kk",
        "wifi",
        "wi-fi",
        "internet",
        "sms",
        "gps",
        "email",
        "e-mail",
        "taxi",
        "bus",
        "menu",
        "halal",
        "pizza",
        "hotel",
        "covid",
    ]
)
_WORD = re.compile(r"\w+(?:-\w+)*")


# One or two words ("badge ?", "ciao", "merci") are too little text for a trustworthy guess:
# a wrong one would switch the conversation's language, an abstention keeps it.
SHORT_MESSAGE_WORDS = 2
SHORT_MESSAGE_MIN_MARGIN = 0.5


class LanguageIdentifier:
    def __init__(self, languages: Iterable[str], min_relative_distance: float = 0.25) -> None:
        self.languages = tuple(languages)
        if not self.languages:
            raise ValueError("at least one language is needed")
        self._arabic_script = [code for code in self.languages if code in ARABIC_SCRIPT_LANGUAGES]
        self._detector = _build_detector(self.languages, min_relative_distance)

    def identify(self, text: str) -> str | None:
        letters = [char for char in text if char.isalpha()]
        if not letters:
            return None
        arabic_letters = sum(1 for char in letters if _is_arabic_letter(char))
        if arabic_letters * 2 > len(letters):
            if URDU_ONLY_LETTERS.intersection(letters):
                # Urdu: answer in Urdu if the assistant speaks it, never mistake it for Arabic.
                return "ur" if "ur" in self.languages else None
            if len(self._arabic_script) == 1:
                return self._arabic_script[0]
        words = _WORD.findall(text.lower())
        if all(word in NEUTRAL_WORDS for word in words):
            return None
        if len(words) <= SHORT_MESSAGE_WORDS:
            ranked = self._detector.compute_language_confidence_values(text)
            if len(ranked) > 1 and ranked[0].value - ranked[1].value < SHORT_MESSAGE_MIN_MARGIN:
                return None
        language = self._detector.detect_language_of(text)
        if language is None:
            return None
        return language.iso_code_639_1.name.lower()


def _is_arabic_letter(char: str) -> bool:
    return unicodedata.name(char, "").startswith("ARABIC")


@lru_cache(maxsize=8)
def _build_detector(languages: tuple[str, ...], min_relative_distance: float) -> LanguageDetector:
    try:
        lingua_languages = [
            Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in languages
        ]
    except AttributeError as error:
        raise ValueError(f"unsupported language code in {languages}") from error
    if len(lingua_languages) == 1:
        # lingua needs two candidates; a single-language assistant still abstains on non-words.
        lingua_languages.append(
            Language.ENGLISH if lingua_languages[0] != Language.ENGLISH else Language.FRENCH
        )
    return (
        LanguageDetectorBuilder.from_languages(*lingua_languages)
        .with_minimum_relative_distance(min_relative_distance)
        .build()
    )
