"""A letter standing alone names which one ("tent B", "الخيمة ب", "Block C"): the search kept only
words of two letters or more, so tent B and tent C tied on "tent" and a question about one got
both, or the wrong one first (issue 20). An elided letter ("l'heure", "what's") is no name, and a
letter the exercise's texts lack does not count against the item the rest of the message names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lookup.search import query_words
from tests.lookup.searching import EVENTS_AND_ALL, searcher

# Its tests only search: client_for makes each pack's service once (tests/lookup/conftest.py).
READ_ONLY = True


@pytest.mark.parametrize(
    ("query", "meant", "other"),
    [
        ("الخيمة ب", "mess-tent", "prayer-tent"),
        ("متى تفتح الخيمة ب", "mess-tent", "prayer-tent"),
        ("tent C", "prayer-tent", "mess-tent"),
        ("où est la tente C ?", "prayer-tent", "mess-tent"),
        ("خيمة ج وين", "prayer-tent", "mess-tent"),
    ],
)
def test_a_letter_alone_says_which_item(
    client_for: Callable[..., TestClient],
    other_pack_path: Path,
    query: str,
    meant: str,
    other: str,
) -> None:
    in_other = searcher(client_for(other_pack_path), "test-oasis-99")
    hits = in_other(query, EVENTS_AND_ALL)
    assert hits and hits[0].item_id == meant, hits
    scores = {hit.item_id: hit.score for hit in hits}
    assert scores.get(other, 0.0) < scores[meant], hits


def test_elided_letters_are_no_names() -> None:
    assert query_words("what's the time, l'heure d'ouverture, j'ai faim") == [
        "time",
        "heure",
        "ouverture",
        "faim",
    ]
    # Standing alone, a letter is kept; "a" and "y" are words, not names.
    assert query_words("tent B") == ["tent", "b"]
    assert query_words("a tent y") == ["tent"]


def test_a_letter_the_texts_lack_counts_against_nothing(
    client_for: Callable[..., TestClient], other_pack_path: Path
) -> None:
    in_other = searcher(client_for(other_pack_path), "test-oasis-99")
    assert in_other("Well Square x", EVENTS_AND_ALL) == in_other("Well Square", EVENTS_AND_ALL)


def test_a_letter_elided_in_a_text_is_no_name_of_it(
    client_for: Callable[..., TestClient], other_pack_path: Path
) -> None:
    # Well Square's directions say "château d'eau": a "D" asked alone is not that.
    in_other = searcher(client_for(other_pack_path), "test-oasis-99")
    assert in_other("tente D", EVENTS_AND_ALL) == in_other("tente", EVENTS_AND_ALL)
