"""Words asking what a name means name nothing (issue 20, by kind): "what does field boots
mean", "que signifie la tenue rangers", "شو معنى اللبس «الحذاء الميداني»" ask for the dress
code the message names whole, and "mean", "signifie", "معنى" (and Arabic's "اللبس", the dress,
beside "لباس" and "ملابس"), found in no text, counted against it as names the exercise lacks:
the dress code fell under half of the message, too little for the dress answer to trust it
(common/asking.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lookup.search import search
from tests.packs import other_pack, write_pack

KINDS = ["dress_code", "event"]


@pytest.mark.parametrize(
    "query",
    [
        "what does field boots mean on the programme",
        "field boots, what's the meaning of that",
        "que signifie la tenue rangers sur le programme",
        "شو معنى اللبس «الحذاء الميداني» اللي بالجدول",
        "الحذاء الميداني يعني ايش",
    ],
)
def test_asking_what_a_dress_code_means_leaves_it_the_message(
    client_for: Callable[..., TestClient], tmp_path: Path, query: str
) -> None:
    client = client_for(write_pack(tmp_path / "oasis.yml", other_pack()))
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        [hit, *_] = search(session, "test-oasis-99", query, kinds=KINDS)
    # The dress answer's trust in a name asked for (actions/answer_found.py by_name).
    assert hit.item_id == "boots" and hit.score >= 0.85 and hit.coverage >= 0.5, hit
