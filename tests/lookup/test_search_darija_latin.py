"""Darija typed in Latin letters (issue 20, by kind): its question words and particles name
nothing and no longer count against the item asked about, its article written on the noun
("lkuzina", the kitchen) is the noun, and a kitchen is one in every language the exercise's
visitors write, and so is a shop (lookup/synonyms.py). Such a question about the field kitchen
found nothing and got the fallback. Wording of our own, not the evaluation's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.lookup.searching import EVENTS_AND_ALL, searcher
from tests.packs import SAMPLE_PACK

OTHER = "test-oasis-99"
# actions/answer_found.py's figures for a hit that answers a message alone (nearly all of it
# matched with a fair score): the fallback answers from search only then.
WHOLE_SCORE, WHOLE_COVERAGE = 0.45, 0.9


@pytest.mark.parametrize(
    "query",
    [
        "lkuzina fayn kayna?",
        "imta katfte7 kouzina dyal terrain",
        "wesh lkouzina kaynin fiha m3a l3chiya",
        "chhal dyal sa3a katsed la cuisine",
        "المطبخ فين",
        "کچن کب کھلتا ہے",
    ],
)
def test_a_kitchen_asked_in_darija_or_any_language_is_the_kitchen(
    client_for: Callable[..., TestClient], other_pack_path: Path, query: str
) -> None:
    hits = searcher(client_for(other_pack_path), OTHER)(query, EVENTS_AND_ALL)
    assert hits and hits[0].item_id == "field-kitchen"
    assert hits[0].score >= WHOLE_SCORE and hits[0].coverage >= WHOLE_COVERAGE, hits[0]


def test_an_english_word_starting_with_l_is_not_cut(
    client_for: Callable[..., TestClient], other_pack_path: Path
) -> None:
    # "lines" is no article on "ines": the medic line still answers, the kitchen does not
    hits = searcher(client_for(other_pack_path), OTHER)("medic lines", EVENTS_AND_ALL)
    assert hits and hits[0].item_id == "medic"


@pytest.mark.parametrize(
    "query", ["l7anout fayn kayn", "فين الدكان ديال الكامب", "où est le magasin"]
)
def test_a_shop_asked_by_another_word_is_the_camp_shop(
    client_for: Callable[..., TestClient], query: str
) -> None:
    hits = searcher(client_for(SAMPLE_PACK), "sand-heron-27")(query, EVENTS_AND_ALL)
    assert hits and hits[0].item_id == "camp-shop"
