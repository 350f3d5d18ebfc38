"""A greeting or a thank-you around a question names nothing (issue 20): found in no text, it
counted against the item the question names as a name the exercise lacked, and left "Hello,
where is the medical centre?" or "السلام عليكم، وين ساحة البئر؟" under the half of the message a
confident answer needs. Like the words asking about an item, such words count for an item whose
texts have them (a greetings text) and never against one that lacks them. So does French
"partir" (to leave; "à partir de", from), as its other forms already did."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.lookup.searching import EVENTS_AND_ALL, searcher
from tests.packs import SAMPLE_PACK

# Its tests only search: client_for makes each pack's service once (tests/lookup/conftest.py).
READ_ONLY = True

OTHER, SAMPLE = "test-oasis-99", "sand-heron-27"
CENTRE = "medical-centre"


@pytest.mark.parametrize(
    ("exercise", "polite", "plain", "meant"),
    [
        (OTHER, "Hello, where is Well Square?", "where is Well Square?", "well-square"),
        (OTHER, "السلام عليكم، وين ساحة البئر؟", "وين ساحة البئر؟", "well-square"),
        (OTHER, "Salut ! où est la place du Puits ?", "où est la place du Puits ?", "well-square"),
        (OTHER, "when is the flag raising? thanks", "when is the flag raising?", "raising"),
        (OTHER, "مرحبا، متى رفع العلم؟ شكرا", "متى رفع العلم؟", "raising"),
        (SAMPLE, "Hi! where is the medical centre", "where is the medical centre", CENTRE),
        (SAMPLE, "Bonsoir, où est le centre médical ?", "où est le centre médical ?", CENTRE),
        (SAMPLE, "السلام علیکم، میڈیکل سینٹر کہاں ہے؟", "میڈیکل سینٹر کہاں ہے؟", CENTRE),
        (
            OTHER,
            "on va à la place du Puits à partir de quelle heure",
            "on va à la place du Puits à quelle heure",
            "well-square",
        ),
    ],
)
def test_courtesy_counts_against_no_item(
    client_for: Callable[..., TestClient],
    other_pack_path: Path,
    exercise: str,
    polite: str,
    plain: str,
    meant: str,
) -> None:
    pack = other_pack_path if exercise == OTHER else SAMPLE_PACK
    search = searcher(client_for(pack), exercise)
    [hit, *_] = search(polite, EVENTS_AND_ALL)
    [bare, *_] = search(plain, EVENTS_AND_ALL)
    assert hit.item_id == bare.item_id == meant, (hit, bare)
    assert hit.coverage == bare.coverage, (hit, bare)
