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

from bot.nlu.language_vocabulary import LanguageVocabulary
from bot.nlu.roman_urdu import is_roman_urdu
from common.languages import OWN_LETTERS

ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "fa", "ur", "ps"})
# Keheh and Farsi yeh: Persian and Urdu write them, Arabic keyboards do not (Gulf and Iraqi
# Arabic do write چ and گ, so those say nothing). Urdu or Persian, and the general detector tells
# which; Persian is not an assistant language, so a message that reads as Persian is abstained on.
PERSIAN_URDU_LETTERS = frozenset("کی")
# Letters Urdu writes and neither Arabic nor Persian does (common/languages.py): one settles it.
URDU_ONLY_LETTERS = OWN_LETTERS["ur"] - PERSIAN_URDU_LETTERS
PERSIAN = "fa"

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
) | frozenset(
    # Arabic greetings, thanks and religious expressions written in Latin letters: visitors of
    # every language use them ("salam alaikum", "shukran", "inshallah", "ramadan mubarak"), so
    # they say nothing about the language a visitor wants answers in. English and French
    # transliterations both.
    [
        *("salam", "salaam", "salem", "assalam", "assalamu", "as-salam", "as-salamu", "asalam"),
        *("asalamu", "salamu", "alaikum", "alaykum", "aleikum", "alikum", "alaikoum", "alikoum"),
        *("aleykoum", "wa", "waalaikum", "walaikum", "wa-alaikum", "marhaba", "marhaban"),
        *("ahlan", "sahlan", "wa-sahlan", "ma'a", "maa", "ma3a", "masalama", "ma'assalama"),
        *("salama", "salamah", "salameh", "shukran", "choukran", "chokran", "shokran", "afwan"),
        *("jazak", "jazaka", "jazakallah", "jazakallahu", "allah", "allahu", "khair", "khayr"),
        *("kheir", "khairan", "barakallah", "bismillah", "inshallah", "insha'allah", "inchallah"),
        *("mashallah", "masha'allah", "machallah", "alhamdulillah", "hamdulillah", "hamdoulillah"),
        *("yalla", "yallah", "habibi", "ramadan", "ramadhan", "eid", "mubarak", "moubarak"),
        *("kareem", "karim", "iftar", "suhoor", "souhour", "majlis"),
    ]
)
_WORD = re.compile(r"\w+(?:-\w+)*")
# For the neutral-word check only: "ma'a" and "insha'allah" are one word there.
_EXPRESSION_WORD = re.compile(r"\w+(?:['’-]\w+)*")


# One or two words ("badge ?", "ciao", "merci") are too little text for a trustworthy guess:
# a wrong one would switch the conversation's language, an abstention keeps it.
SHORT_MESSAGE_WORDS = 2
SHORT_MESSAGE_MIN_MARGIN = 0.5
# ... and when other languages' examples use its words too ("briefing", "planning", "cash"), the
# domain vocabulary must be sure, not lean. A word only one language uses ("bonsoir") is enough
# as it is. Chosen on three development splits (docs/nlu.md, "Language ID").
SHORT_MESSAGE_MIN_VOCABULARY = 0.9

# The domain vocabulary (bot.nlu.language_vocabulary) as a second opinion: how much its posterior
# counts against the general detector's confidences, and the lead the combination must have.
# Both chosen on the development split (docs/nlu.md, "Language ID").
VOCABULARY_WEIGHT = 0.5
COMBINED_MIN_MARGIN = 0.1
# What the general detector must manage for an example to label the vocabulary's training data.
SURE_MIN_WORDS = 3
SURE_MIN_CONFIDENCE = 0.9


class LanguageIdentifier:
    def __init__(
        self,
        languages: Iterable[str],
        min_relative_distance: float = 0.25,
        vocabulary: LanguageVocabulary | None = None,
    ) -> None:
        self.languages = tuple(languages)
        if not self.languages:
            raise ValueError("at least one language is needed")
        self._arabic_script = [code for code in self.languages if code in ARABIC_SCRIPT_LANGUAGES]
        self._detector = _build_detector(self.languages, min_relative_distance)
        if len(self._arabic_script) > 1:
            # Built now, not at the first message in Persian or Urdu letters (see _build_detector).
            _build_detector(self._persian_urdu_candidates(), 0.0)
        self.vocabulary = vocabulary

    def identify(self, text: str) -> str | None:
        decided, language = self._by_script(text)
        if decided:
            return language
        if all(word in NEUTRAL_WORDS for word in _EXPRESSION_WORD.findall(text.lower())):
            return None
        words = _WORD.findall(text.lower())
        if self.vocabulary is None:
            return self._general(text, words)
        return self._with_vocabulary(text, words, self.vocabulary)

    def sure_of(self, text: str) -> str | None:
        """The language when the general detector alone is sure of it (to label training data)."""
        decided, language = self._by_script(text)
        if decided:
            return language
        words = _WORD.findall(text.lower())
        if len(words) < SURE_MIN_WORDS:
            return None
        language = self._general(text, words)
        if language is None or self._confidences(text).get(language, 0.0) < SURE_MIN_CONFIDENCE:
            return None
        return language

    def _by_script(self, text: str) -> tuple[bool, str | None]:
        """(decided, language): no letters, Arabic script, or Roman Urdu settles it without a
        detector."""
        letters = [char for char in text if char.isalpha()]
        if not letters:
            return True, None
        # Words, not letters: "وين الـ in-processing" is Arabic with an English term in it.
        first_letters = [next((c for c in word if c.isalpha()), "") for word in _WORD.findall(text)]
        first_letters = [letter for letter in first_letters if letter]
        arabic_words = sum(1 for letter in first_letters if _is_arabic_letter(letter))
        if arabic_words * 2 >= len(first_letters):
            if URDU_ONLY_LETTERS.intersection(letters):
                # Urdu: answer in Urdu if the assistant speaks it, never mistake it for Arabic.
                return True, "ur" if "ur" in self.languages else None
            if len(self._arabic_script) == 1:
                return True, self._arabic_script[0]
            if len(self._arabic_script) > 1:
                guess = self.arabic_script_guess(text)
                return True, guess if guess in self.languages else None
        if "ur" in self.languages and is_roman_urdu(text):
            # Urdu in Latin letters ("namaz ki jagah kahan hai?"), which a general detector
            # calls English or French: Urdu's own words settle it (bot/nlu/roman_urdu.py).
            return True, "ur"
        return False, None

    def arabic_script_guess(self, text: str) -> str | None:
        """Which Arabic-script language a message in that script is, when the assistant speaks
        several: may be Persian ("fa"), which identify() abstains on; None when unsure.

        The letters decide before any statistics: a general detector calls the Arabic "الباج"
        Urdu (86 %), and Arabic is by far the likelier of the two without Persian-Urdu letters.
        """
        letters = {char for char in text if char.isalpha()}
        words = _WORD.findall(text.lower())
        short = len(words) <= SHORT_MESSAGE_WORDS
        if URDU_ONLY_LETTERS & letters:
            return "ur"
        if PERSIAN_URDU_LETTERS & letters:
            # Urdu, Persian, or Arabic typed on their keyboard ("وین المطعم").
            detector = _build_detector(self._persian_urdu_candidates(), 0.0)
            scores = {
                value.language.iso_code_639_1.name.lower(): value.value
                for value in detector.compute_language_confidence_values(text)
            }
            best, margin = _best(scores)
            needed = SHORT_MESSAGE_MIN_MARGIN if short else COMBINED_MIN_MARGIN
            return best if margin >= needed else None
        # Arabic letters only: Arabic, unless a word or two that the other Arabic-script
        # languages' examples use more ("مدد", "خدا حافظ"): then the conversation decides.
        if short and self.vocabulary is not None:
            domain = self.vocabulary.posterior(text)
            others = max(domain.get(lang, 0.0) for lang in self._arabic_script if lang != "ar")
            if others > domain.get("ar", 0.0):
                return None
        return "ar" if "ar" in self.languages else None

    def _persian_urdu_candidates(self) -> tuple[str, ...]:
        """The languages a message with keheh or Farsi yeh may be in (Persian, which is abstained
        on, among them)."""
        return tuple(sorted({*self._arabic_script, PERSIAN}))

    def _general(self, text: str, words: list[str]) -> str | None:
        short = len(words) <= SHORT_MESSAGE_WORDS
        if short and _best(self._confidences(text))[1] < SHORT_MESSAGE_MIN_MARGIN:
            return None
        language = self._detector.detect_language_of(text)
        if language is None:
            return None
        return language.iso_code_639_1.name.lower()

    def _with_vocabulary(
        self, text: str, words: list[str], vocabulary: LanguageVocabulary
    ) -> str | None:
        general = self._confidences(text)
        domain = vocabulary.posterior(text)
        if len(words) <= SHORT_MESSAGE_WORDS:
            # One or two words: both opinions must agree, or the conversation's language stands.
            best, margin = _best(general)
            if (
                best is None
                or margin < SHORT_MESSAGE_MIN_MARGIN
                or not domain
                or _best(domain)[0] != best
            ):
                return None
            unsure = domain[best] < SHORT_MESSAGE_MIN_VOCABULARY
            if unsure and vocabulary.languages_using(text) - {best}:  # shared words: abstain
                return None
            return best
        if domain:
            general = {
                lang: value * domain.get(lang, 0.0) ** VOCABULARY_WEIGHT
                for lang, value in general.items()
            }
        best, margin = _best(general)
        return best if margin >= COMBINED_MIN_MARGIN else None

    def _confidences(self, text: str) -> dict[str, float]:
        return {
            value.language.iso_code_639_1.name.lower(): value.value
            for value in self._detector.compute_language_confidence_values(text)
            if value.language.iso_code_639_1.name.lower() in self.languages
        }


def _best(scores: dict[str, float]) -> tuple[str | None, float]:
    """The top language and its lead over the next, on scores normalised to sum to 1."""
    total = sum(scores.values())
    if total <= 0:
        return None, 0.0
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    lead = ranked[0][1] - (ranked[1][1] if len(ranked) > 1 else 0.0)
    return ranked[0][0], lead / total


def _is_arabic_letter(char: str) -> bool:
    return unicodedata.name(char, "").startswith("ARABIC")


@lru_cache(maxsize=8)
def _build_detector(languages: tuple[str, ...], min_relative_distance: float) -> LanguageDetector:
    """A lingua detector with its language models already in memory: lingua otherwise loads them
    at the first message that needs them, 0.9-1.9 s of the first answer after start-up (models are
    shared between detectors, so a second detector over the same languages loads nothing)."""
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
        .with_preloaded_language_models()
        .build()
    )
