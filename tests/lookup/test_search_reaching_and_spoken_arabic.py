"""Wanting, calling and pointing words, spoken Arabic's question words, Urdu's "to do" and "explain
the way" (issue 20, by kind): they name nothing, and found in some text (or, on a pack without
Urdu texts, in none) they weighed against the contact or place the question names, so the
fallback's search was unsure of it; a well and a square, and the liaison team in Urdu, are one
in every language (lookup/synonyms.py). Wording of our own, not the evaluation's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.lookup.searching import EVENTS_AND_ALL, searcher

OTHER = "test-oasis-99"
# actions/answer_found.py's figures: a hit that answers a message alone (WHOLE), and one named so
# plainly that it overrides the intent's topic (STRONG).
WHOLE_SCORE, WHOLE_COVERAGE = 0.45, 0.9
STRONG_SCORE, STRONG_COVERAGE = 1.5, 0.9


@pytest.mark.parametrize(
    "query",
    [
        "بدي احكي مع المناوبة هلق",
        "عاوزين نكلم المناوبة ازاي",
        "I want to talk to the duty desk",
        "je voudrais parler à la permanence",
        "we need to call the duty desk, this evening",
    ],
)
def test_wanting_or_calling_the_duty_desk_finds_it_alone(
    client_for: Callable[..., TestClient], other_pack_path: Path, query: str
) -> None:
    hits = searcher(client_for(other_pack_path), OTHER)(query, EVENTS_AND_ALL)
    assert hits and hits[0].item_id == "desk", hits
    assert hits[0].score >= WHOLE_SCORE and hits[0].coverage >= WHOLE_COVERAGE, hits[0]


@pytest.mark.parametrize(
    "query", ["field boots, what is that?", "is this field boots? what is that"]
)
def test_this_or_that_beside_a_dress_code_leaves_it_named_plainly(
    client_for: Callable[..., TestClient], other_pack_path: Path, query: str
) -> None:
    hits = searcher(client_for(other_pack_path), OTHER)(query, EVENTS_AND_ALL)
    assert hits and hits[0].item_id == "boots", hits
    assert hits[0].score >= STRONG_SCORE and hits[0].coverage >= STRONG_COVERAGE, hits[0]


@pytest.mark.parametrize(
    "query", ["کنواں چوک کدھر ہے، راستہ بتائیں", "ساحة البئر فين", "la place du puits"]
)
def test_the_square_of_the_well_in_any_language(
    client_for: Callable[..., TestClient], other_pack_path: Path, query: str
) -> None:
    hits = searcher(client_for(other_pack_path), OTHER)(query, EVENTS_AND_ALL)
    assert hits and hits[0].item_id == "well-square", hits
    assert hits[0].score >= WHOLE_SCORE and hits[0].coverage >= WHOLE_COVERAGE, hits[0]


def test_the_liaison_team_in_urdu_is_the_liaison_desk(
    client_for: Callable[..., TestClient], other_pack_path: Path
) -> None:
    hits = searcher(client_for(other_pack_path), OTHER)("رابطہ ٹیم سے بات کرنی ہو تو", ["contact"])
    assert hits and hits[0].item_id == "desk", hits
    assert hits[0].score >= 0.85 and hits[0].coverage >= 0.5, hits[0]
