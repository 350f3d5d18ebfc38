"""Urdu questions' words that name nothing (issue 20, by kind): a word asking about an item (its
hours: night) that the named place's texts lack counts against it nowhere, not in its coverage
and not in the "more than half the message" a hit needs either; "some", "to get" and والا ("the
one of") are particles, not names."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from common.textnorm import words
from lookup.search import query_words
from tests.lookup.searching import Search, searcher
from tests.packs import SAMPLE_PACK

# Its tests only search: client_for makes each pack's service once (tests/lookup/conftest.py).
READ_ONLY = True


@pytest.fixture
def in_sample(client_for: Callable[..., TestClient]) -> Search:
    return searcher(client_for(SAMPLE_PACK), "sand-heron-27")


@pytest.mark.parametrize(
    ("query", "place"),
    [
        # رات (night) is in the dining hall's texts ("رات کا کھانا"), not in the laundry's or
        # the shop's: it weighed against them and left only the dining hall, which mentions both.
        ("لانڈری رات کو کب تک کھلی ہے، کپڑے دینے ہیں", "laundry"),
        ("رات کو کیمپ شاپ سے سامان مل جائے گا", "camp-shop"),
    ],
)
def test_an_asking_word_the_place_lacks_does_not_hide_it(
    in_sample: Search, query: str, place: str
) -> None:
    [hit, *_] = in_sample(query, ["venue"])
    assert hit.item_id == place, hit


def test_urdu_some_and_to_get_name_nothing() -> None:
    # "کچھ سامان لینا ہے" (I have some things to get): only the things may name something;
    # مجھے (to me) is a pronoun and names nothing either (b7e5148).
    asked = query_words("مجھے کچھ سامان لینا ہے، کچھ چیزیں لینی ہیں")
    assert asked == words("سامان چیزیں"), asked


@pytest.mark.parametrize(
    ("query", "kind", "item"),
    [
        # والے / والا tie the name to what follows: counted as a word the item lacks, the
        # cultural visit covered 0.8 of the message (short of what an answer from search alone
        # needs), the prayer room 0.6.
        ("ثقافتی دورے والے دن بس صبح کب روانہ ہوگی", "event", "cultural-visit"),
        ("نماز والا کمرہ کب کھلتا ہے", "venue", "prayer-room-and-mosque"),
    ],
)
def test_urdu_the_one_of_names_nothing(in_sample: Search, query: str, kind: str, item: str) -> None:
    [hit, *_] = in_sample(query, [kind])
    assert hit.item_id == item and hit.coverage >= 0.9, hit
