"""The words each language uses in this assistant's own domain, learned from its training data.

A general-purpose detector has never seen "self", "briefing" or "y a" in a French question about
the mess ("y a du halal au self ?" is English to it, 69 %), nor SMS forms like "stp" or "thnx".
The training data has, so a word model learned from it is the second opinion that settles those.

Training examples carry no language label (Rasa merges every file), so each example is labelled
by the general detector where it is sure of it (three words or more, high confidence); a word
then counts for every language it was seen in. Multinomial naive Bayes with add-α smoothing over
the words seen in training; words never seen say nothing. Words keep Urdu's own letter forms
(ی ک ہ), which the NLU's fold otherwise merges with Arabic's: "السلام عليكم" and "السلام علیکم"
are one greeting to the classifier, and Arabic and Urdu to language ID.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from common.textnorm import words as folded_words

SMOOTHING = 0.5


def words(text: str) -> list[str]:
    return folded_words(text, keyboard_forms=False)


class LanguageVocabulary:
    def __init__(self, counts: Mapping[str, Mapping[str, int]]) -> None:
        self.counts = {lang: dict(words_) for lang, words_ in counts.items() if words_}
        self._vocabulary = set().union(*self.counts.values()) if self.counts else set()
        size = len(self._vocabulary)
        self._log_unseen = {
            lang: math.log(SMOOTHING / (sum(c.values()) + SMOOTHING * size))
            for lang, c in self.counts.items()
        }

    @classmethod
    def learn(cls, labelled: Iterable[tuple[str, str]]) -> LanguageVocabulary:
        """From (text, language) pairs; a word counts once per example."""
        counts: dict[str, Counter[str]] = {}
        for text, lang in labelled:
            counts.setdefault(lang, Counter()).update(set(words(text)))
        return cls(counts)

    def posterior(self, text: str) -> dict[str, float]:
        """P(language | the message's known words), uniform prior; {} when no word is known."""
        known = [word for word in words(text) if word in self._vocabulary]
        if not known:
            return {}
        log_likelihood = {}
        for lang, counts in self.counts.items():
            unseen = self._log_unseen[lang]
            log_likelihood[lang] = sum(
                math.log(counts[w] / SMOOTHING + 1) + unseen if w in counts else unseen
                for w in known
            )
        best = max(log_likelihood.values())
        exp = {lang: math.exp(value - best) for lang, value in log_likelihood.items()}
        total = sum(exp.values())
        return {lang: value / total for lang, value in exp.items()}

    def languages_using(self, text: str) -> set[str]:
        """The languages whose examples use at least one of the message's words."""
        found = words(text)
        return {lang for lang, counts in self.counts.items() if any(w in counts for w in found)}

    def to_dict(self) -> dict[str, Any]:
        return {"counts": self.counts}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LanguageVocabulary:
        return cls(data["counts"])
