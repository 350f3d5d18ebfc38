"""Asking who heads a cell in Arabic finds the contact (issue 20, eighth questions): "مين" (who,
spoken) counted as a name no text has, and "رئيس" (head) is what the role calls "مسؤول"; the
contact fell under what an answer may trust, and the medical text answered instead."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from lookup.search import search
from tests.packs import SAMPLE_PACK

KINDS = ["contact", "rank"]


@pytest.mark.parametrize(
    ("query", "contact"),
    [
        ("مين رئيس خلية الارتباط", "liaison-cell-haddad"),
        ("رئيس الخلية الطبية مين", "medical-cell-lefevre"),
    ],
)
def test_who_heads_a_cell_is_its_contact(
    client_for: Callable[..., TestClient], query: str, contact: str
) -> None:
    client = client_for(SAMPLE_PACK)
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        [hit, *_] = search(session, "sand-heron-27", query, kinds=KINDS)
    # What actions/answer_found.py `confident` trusts without an intent to go by.
    assert hit.item_id == contact and hit.score >= 0.45 and hit.coverage >= 0.9, hit
