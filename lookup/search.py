"""Multilingual search over an exercise's texts, tolerant of how people type.

A query in any language is matched against every language's texts (folded: Arabic diacritics,
hamza and ta-marbuta variants, French accents, case), word by word: an exact word scores 1, a
shared prefix 0.8, a word within one or two typos 0.7. Names and titles weigh double. Only query
words that occur somewhere in the searched items count, so a whole question ("what's the
equivalent of a رائد in your army?") finds what a single word would. Exercises
hold hundreds of items, so scoring in Python over the index is fast and works on any database.

Cost is bounded whatever the query's length: its words are deduplicated and only the first
MAX_QUERY_WORDS distinct ones count (a question is a sentence or two), words longer than
MAX_WORD_LENGTH are not words, and each query word is compared with each distinct word of the
searched texts once (not once per text), so the work is at most MAX_QUERY_WORDS x vocabulary
comparisons plus a set lookup per text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import DamerauLevenshtein
from sqlalchemy import select
from sqlalchemy.orm import Session

from common.textnorm import words
from lookup.store.models import ItemText

# Words that say nothing about what is asked; folded forms.
STOPWORDS = frozenset(
    """
    a an and are at be can do does for from how i in is it me my of on or the there to we what
    when where which who why will with you your please
    au aux avec c ce ces dans de des du elle en est et il je la le les leur lui ma mais me mes
    nous on ou par pour qu que quel quelle qui sa se son sur ta te tu un une vous y svp
    في من الي علي عن مع هل ما ماذا متي اين وين فين كيف هو هي انا انت هذا هذه ذلك التي الذي او ثم
    """.split()  # noqa: SIM905 - a word list reads best as words
)
NAME_FIELDS = frozenset({"name", "title"})
MAX_QUERY_WORDS = 24
MAX_WORD_LENGTH = 40


@dataclass(frozen=True)
class Hit:
    kind: str
    item_id: str
    score: float


def query_words(query: str) -> list[str]:
    """The query's distinct searchable words, in order, at most MAX_QUERY_WORDS of them."""
    wanted: dict[str, None] = {}
    for word in words(query):
        if word not in STOPWORDS and 1 < len(word) <= MAX_WORD_LENGTH:
            wanted[word] = None
            if len(wanted) == MAX_QUERY_WORDS:
                break
    return list(wanted)


def search(
    session: Session,
    exercise_id: str,
    query: str,
    kinds: list[str] | None = None,
    limit: int = 5,
    mode: Literal["question", "name"] = "question",
) -> list[Hit]:
    """mode "question": q is a whole message, and words found nowhere in the searched items are
    filler. mode "name": q names one thing (an extracted entity), and every word counts, so
    asking for a gym the exercise does not have finds nothing rather than some other place."""
    wanted = query_words(query)
    if not wanted:
        return []
    statement = select(ItemText.kind, ItemText.item_id, ItemText.path, ItemText.search_text).where(
        ItemText.exercise_id == exercise_id
    )
    if kinds:
        statement = statement.where(ItemText.kind.in_(kinds))
    rows = [
        (kind, item_id, path, set(words(search_text)))
        for kind, item_id, path, search_text in session.execute(statement)
    ]
    # Words found nowhere in the searched items ("quoi", "chez", "tell me") carry no information:
    # coverage is measured over the words that could match something.
    vocabulary = set().union(*(text_words for *_, text_words in rows)) if rows else set()
    # Each query word against each distinct word of the texts, once: the words it matches.
    matches = {word: _matches(word, vocabulary) for word in wanted}
    informative = wanted if mode == "name" else [w for w in wanted if matches[w]]
    if not informative:
        return []
    # best[(kind, id)][query word] = best weighted match of that word anywhere in the item
    best: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for kind, item_id, path, text_words in rows:
        weight = 2.0 if path.rsplit(".", 1)[-1] in NAME_FIELDS else 1.0
        scores = best[(kind, item_id)]
        for word in informative:
            score = weight * _best_in(matches[word], text_words)
            if score > scores.get(word, 0.0):
                scores[word] = score
    hits = []
    for (kind, item_id), scores in best.items():
        matched = sum(1 for word in informative if scores.get(word, 0.0) > 0)
        # More than half the informative words must match (so a lone word must): a wrong place
        # or event is worse than "I don't have that".
        if matched * 2 <= len(informative):
            continue
        hits.append(Hit(kind, item_id, round(sum(scores.values()) / len(informative), 3)))
    hits.sort(key=lambda hit: (-hit.score, hit.kind, hit.item_id))
    return hits[:limit]


def _matches(word: str, vocabulary: set[str]) -> dict[str, float]:
    """The words of `vocabulary` that `word` matches, with their scores."""
    found = {word: 1.0} if word in vocabulary else {}
    if len(word) < 4:
        return found
    allowed = 1 if len(word) < 8 else 2
    for candidate in vocabulary:
        if candidate == word:
            continue
        if len(candidate) >= 4 and (candidate.startswith(word) or word.startswith(candidate)):
            found[candidate] = 0.8
        elif abs(len(word) - len(candidate)) <= 2 and (
            DamerauLevenshtein.distance(word, candidate, score_cutoff=allowed) <= allowed
        ):
            found[candidate] = 0.7
    return found


def _best_in(found: dict[str, float], text_words: set[str]) -> float:
    """The best score among one text's words (walking the smaller of the two)."""
    if len(found) <= len(text_words):
        return max((score for word, score in found.items() if word in text_words), default=0.0)
    return max((found[word] for word in text_words if word in found), default=0.0)
