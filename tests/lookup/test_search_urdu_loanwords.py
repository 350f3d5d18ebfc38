"""English words Urdu writes in its own script, and Urdu's own word for a grade, find the item of
a pack without Urdu texts as the English would (lookup/synonyms.py; issue 20, Urdu's eighth
questions): 'میڈک' / 'میڈیک' (medic) found nothing, and 'کپتان' (captain) no grade."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lookup.search import search


@pytest.mark.parametrize(
    ("query", "kind", "item_id"),
    [
        ("میڈیک لائن پر کال کیسے ہوگی", "topic", "medic"),
        ("زخمی ہو تو میڈک", "topic", "medic"),
        ("کپتان کا نیٹو گریڈ", "rank", "of-2"),
    ],
)
def test_urdu_script_words_find_the_item_without_urdu_text(
    client_for: Callable[..., TestClient],
    other_pack_path: Path,
    query: str,
    kind: str,
    item_id: str,
) -> None:
    client = client_for(other_pack_path)
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        hits = search(session, "test-oasis-99", query)
    assert hits and (hits[0].kind, hits[0].item_id) == (kind, item_id), hits
