"""Language ID keeps the letters that tell Arabic from Urdu, although the NLU's fold merges them.

common.textnorm folds Urdu's ی ک ہ into Arabic's ي ك ه so that Urdu typed on an Arabic keyboard
reads as the same words to the classifier and to search. The domain vocabulary must not: with
the merged forms, Urdu's many "السلام علیکم" examples outweighed Arabic's "السلام عليكم", and an
Arab visitor's first greeting went unanswered in Arabic (language abstained, English default).
"""

from __future__ import annotations

from bot.nlu.language_id import LanguageIdentifier
from bot.nlu.language_vocabulary import LanguageVocabulary

URDU = [("السلام علیکم", "ur"), ("السلام علیکم بھائی", "ur"), ("وعلیکم السلام جی", "ur")] * 3
ARABIC = [("السلام عليكم", "ar"), ("مرحبا", "ar")]


def test_arabic_letters_are_arabic_words_to_the_vocabulary() -> None:
    vocabulary = LanguageVocabulary.learn(URDU + ARABIC)
    posterior = vocabulary.posterior("السلام عليكم")
    assert posterior["ar"] > posterior["ur"]
    assert vocabulary.posterior("السلام علیکم")["ur"] > 0.5


def test_an_arabic_greeting_is_arabic() -> None:
    identifier = LanguageIdentifier(
        ["ar", "en", "fr", "ur"], vocabulary=LanguageVocabulary.learn(URDU + ARABIC)
    )
    assert identifier.identify("السلام عليكم") == "ar"
    assert identifier.identify("السلام علیکم") == "ur"
