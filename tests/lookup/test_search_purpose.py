"""Words asking what a place is for name nothing (issue 20, eighth questions): "used", "sert",
"تستخدم" are not in the place's texts, and counted as names they left the place it asks about
under half of the message, too little for an answer (common/asking.py PURPOSE_WORDS)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lookup.search import search
from tests.packs import other_pack, write_pack

KINDS = ["event", "venue", "dress_code", "contact", "rank", "topic"]


@pytest.mark.parametrize(
    "query",
    [
        "what is the purpose of Well Square",
        "Well Square, what is it used for",
        "quel est l'usage de la place du puits",
        "لايش تستخدم ساحة البئر",
        "ما الغرض من ساحة البئر",
    ],
)
def test_asking_what_a_place_is_for_leaves_the_place_the_whole_message(
    client_for: Callable[..., TestClient], tmp_path: Path, query: str
) -> None:
    client = client_for(write_pack(tmp_path / "oasis.yml", other_pack()))
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        [hit, *_] = search(session, "test-oasis-99", query, kinds=KINDS)
    assert hit.item_id == "well-square" and hit.coverage >= 0.9, hit
