"""A parade asked in Urdu's plural finds the place held for parades (issue 20, by kind, searched
among the places as the venue answer does): 'پریڈیں' (parades) found nothing on a pack without
Urdu whose parade square says 'Parades' (lookup/synonyms.py: Urdu's plurals of the loanword).
French and Arabic forms, found before, are kept. Questions of the kind, written for this test,
on the second test exercise."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lookup.search import search


@pytest.mark.parametrize(
    "query",
    [
        "پریڈیں کہاں کروائی جاتی ہیں",
        "parades kis jagah hoti hain",
        "les parades se font où",
        "où a lieu le défilé",
        "وين بيصير الاستعراض",
    ],
)
def test_a_parade_word_finds_the_parade_square(
    client_for: Callable[..., TestClient], other_pack_path: Path, query: str
) -> None:
    client = client_for(other_pack_path)
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        hits = search(session, "test-oasis-99", query, ["venue"])
    assert hits and (hits[0].kind, hits[0].item_id) == ("venue", "well-square"), hits
