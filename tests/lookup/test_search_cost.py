"""Issue 18, item 13: a search's work is bounded by the words that count, not by the query's
length (a 2,000-character unanswered question took 2 s, a 500-character search 1.8 s). Measured
as comparisons made, not as time."""

from __future__ import annotations

import itertools
import string
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from common.textnorm import words
from lookup import search as search_module
from lookup.search import MAX_QUERY_WORDS, query_words, search
from lookup.store.models import ItemText


class CountingDistance:
    """Stands in for rapidfuzz's DamerauLevenshtein, counting the comparisons made."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls = 0

    def distance(self, *args: Any, **kwargs: Any) -> int:
        self.calls += 1
        return int(self.real.distance(*args, **kwargs))


def long_question(characters: int) -> str:
    """Distinct made-up words of 5-7 letters, as many as fit (none is a stopword)."""
    letters = string.ascii_lowercase
    made_up = ("".join(p) for p in itertools.product(letters, repeat=5))
    text = ""
    for n, word in enumerate(made_up):
        word += "xy"[: n % 3]
        if len(text) + len(word) + 1 > characters:
            return text
        text += word + " "
    return text


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> CountingDistance:
    counter = CountingDistance(search_module.DamerauLevenshtein)
    monkeypatch.setattr(search_module, "DamerauLevenshtein", counter)
    return counter


def vocabulary_of(client: TestClient, exercise_id: str) -> set[str]:
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        texts = session.scalars(
            select(ItemText.search_text).where(ItemText.exercise_id == exercise_id)
        )
        return {word for text in texts for word in words(text)}


def test_a_2000_character_question_costs_no_more_than_its_first_words(
    sample_client: TestClient, counting: CountingDistance
) -> None:
    exercise_id = sample_client.get("/v1/exercise?lang=en").json()["id"]
    question = long_question(2000) + "lunch"
    assert len(question) >= 1990 and len(question.split()) > 250
    with sample_client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        search(session, exercise_id, question, kinds=["topic"], limit=1)
    vocabulary = vocabulary_of(sample_client, exercise_id)
    # At most one comparison per (counted query word, distinct text word): before, every word of
    # the question was compared with the vocabulary, then again with every text.
    assert 0 < counting.calls <= MAX_QUERY_WORDS * len(vocabulary)


def test_repeated_words_are_compared_once(
    sample_client: TestClient, counting: CountingDistance
) -> None:
    exercise_id = sample_client.get("/v1/exercise?lang=en").json()["id"]
    with sample_client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        once = search(session, exercise_id, "dinnr", limit=3)
        single = counting.calls
        again = search(session, exercise_id, " ".join(["dinnr"] * 400), limit=3)
    assert again == once
    # No more than the single word again (none at all when its matches are still known:
    # lookup/search_index.py keeps them per knowledge version).
    assert counting.calls <= 2 * single


def test_query_words_are_distinct_bounded_and_in_order() -> None:
    assert query_words("Lunch lunch LUNCH where is lunch tent") == ["lunch", "tent"]
    assert len(query_words(long_question(2000))) == MAX_QUERY_WORDS
    assert query_words("x" * 41 + " gate") == ["gate"]  # no word is 41 letters long
