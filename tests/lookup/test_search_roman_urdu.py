"""Roman Urdu, Urdu typed in Latin letters (bot/nlu/roman_urdu.py): its particles, question words
and auxiliaries name nothing, so a question naming an item by its English name ("flag raising
kitne baje shuru hogi") finds that item as the English question would, wholly covered."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from lookup.search import query_words
from tests.lookup.conftest import AS_ADMIN


@pytest.mark.parametrize(
    "query,kind,expected",
    [
        ("flag raising kitne baje shuru hogi?", "event", "raising"),
        ("flag raising kab hai", "event", "raising"),
        ("well square kahan hai aur kab tak khula rehta hai", "venue", "well-square"),
        ("field kitchen ka time kya hai", "topic", "field-kitchen"),
    ],
)
def test_roman_urdu_finds_the_item_its_english_name_names(
    find: Callable, query: str, kind: str, expected: str
) -> None:
    [hit, *_] = find(query, kind)
    assert hit.item_id == expected and hit.coverage == 1.0, hit


def test_roman_urdu_particles_and_question_words_are_not_searched() -> None:
    assert query_words("flag raising kitne baje hai") == ["flag", "raising"]
    assert query_words("kya yeh kab ho ga") == []


@pytest.mark.parametrize(
    "query,expected",
    [
        ("opening ceremony kitne baje hai?", "opening-ceremony"),
        ("welcome dinner kahan hoga", "welcome-dinner"),
        ("closing ceremony kab hai bhai", "closing-ceremony"),
    ],
)
def test_a_roman_urdu_question_finds_the_sample_exercises_event(
    sample_client: TestClient, query: str, expected: str
) -> None:
    params = {"q": query, "lang": "ur", "kind": ["event"]}
    body = sample_client.get("/v1/search", params=params, headers=AS_ADMIN).json()
    [best, *_] = body["hits"]
    assert best["item"]["id"] == expected and best["coverage"] == 1.0, body
