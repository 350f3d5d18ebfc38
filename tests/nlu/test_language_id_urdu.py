"""Urdu beside Arabic (issue 21): both in Arabic script, so the letters decide before statistics.

Urdu must not be answered in Arabic, Arabic (Gulf and Iraqi spellings with چ and گ included) must
not be taken for Urdu, and Persian, which shares letters with Urdu, is abstained on rather than
answered in Urdu.
"""

from __future__ import annotations

import pytest

from bot.nlu.language_id import LanguageIdentifier
from bot.nlu.language_vocabulary import LanguageVocabulary

WITH_URDU = LanguageIdentifier(["ar", "en", "fr", "ur"])


@pytest.mark.parametrize(
    "text",
    [
        "نماز کی جگہ کہاں ہے؟",  # gol he (ہ), no retroflex letter
        "کیا تم بوٹ ہو؟",
        "میس کب کھلتا ہے",
        "شکریہ",
        "جزاک اللہ",
        "السلام علیکم",  # keheh and Farsi yeh only: the detector tells Urdu from Persian
        "کیا حال",
        "ایمرجنسی نمبر کیا ہے",
        "وائی فائی کا پاس ورڈ",
    ],
)
def test_urdu_is_urdu(text: str) -> None:
    assert WITH_URDU.identify(text) == "ur"


@pytest.mark.parametrize(
    "text",
    [
        "متى الغداء؟",
        "وين المطعم؟",
        "الباج",  # a general detector calls this Urdu
        "شنلبس باچر؟",  # Gulf Arabic writes چ
        "وين الـ in-processing",  # Arabic words around an English term
        "وین المطعم",  # Arabic typed with a Farsi yeh
        "كم بندقية مع كل فصيل",
    ],
)
def test_arabic_is_not_taken_for_urdu(text: str) -> None:
    assert WITH_URDU.identify(text) == "ar"


@pytest.mark.parametrize("text", ["کجا است رستوران", "لطفا کمکم کنید", "چای کجاست"])
def test_persian_is_abstained_on_not_answered_in_urdu(text: str) -> None:
    assert WITH_URDU.arabic_script_guess(text) == "fa"
    assert WITH_URDU.identify(text) is None


def test_a_short_message_of_words_urdu_uses_more_than_arabic_keeps_the_conversation() -> None:
    vocabulary = LanguageVocabulary.learn(
        [
            *[("مدد چاہیے", "ur"), ("مدد کریں", "ur"), ("خدا حافظ دوست", "ur")],
            *[("وين المطعم", "ar"), ("متى الغداء", "ar"), ("شكرا على المساعدة", "ar")],
        ]
    )
    identifier = LanguageIdentifier(["ar", "en", "fr", "ur"], vocabulary=vocabulary)
    assert identifier.identify("مدد") is None
    assert identifier.identify("خدا حافظ") is None
    assert identifier.identify("المطعم") == "ar"
    assert identifier.identify("وين المطعم الحين") == "ar"


def test_without_urdu_the_assistant_still_never_answers_urdu_in_arabic() -> None:
    arabic_only = LanguageIdentifier(["ar", "en", "fr"])
    assert arabic_only.identify("نماز کی جگہ") is None
    assert arabic_only.identify("متى الغداء؟") == "ar"
