"""Rasa component: splits each message into words by spaCy's rules for the message's language.

Whitespace keeps French elisions whole ("l'heure", "qu'est-ce", "j'ai"), so "heure" after "l'"
is a word the features have never seen. spaCy's French rules split them, its English rules split
"what's", and each language's punctuation is its own. Blank pipelines only: nothing pretrained.
The language is the one LanguageDetector left on the message; when it abstained, spaCy's
language-neutral rules apply.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Dict, List

import spacy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from spacy.language import Language

from bot.nlu.language_detector import DETECTED_LANGUAGE

NEUTRAL = "xx"  # spaCy's multi-language rules


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class LanguageTokenizer(Tokenizer):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return WhitespaceTokenizer.get_default_config()  # Rasa's options of every tokenizer

    @staticmethod
    def required_packages() -> List[str]:
        return ["spacy"]

    def tokenize(self, message: Message, attribute: str) -> List[Token]:
        text = message.get(attribute)
        doc = blank_pipeline(message.get(DETECTED_LANGUAGE) or NEUTRAL).make_doc(text)
        # Punctuation and spaces are no words (as for Rasa's WhitespaceTokenizer); a message of
        # nothing else ("?", ":)") stays one token so every message has one.
        tokens = [Token(t.text, t.idx) for t in doc if not (t.is_punct or t.is_space)]
        if not tokens:
            tokens = [Token(text, 0)]
        return self._apply_token_pattern(tokens)


@cache
def blank_pipeline(language: str) -> Language:
    """A blank spaCy pipeline: the language's tokenizer rules, no trained weights."""
    try:
        return spacy.blank(language)
    except ImportError:  # spaCy has no rules for this language
        return spacy.blank(NEUTRAL)
