"""lookup/search_index.py: the searched texts are folded once per knowledge version, and a write
of a text (here through the admin API, as another process would make it) is searched at once."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from lookup import search_index
from lookup.search import search_explained
from lookup.store.models import Exercise
from tests.lookup.conftest import AS_ADMIN

MEAL = "/v1/admin/items/topic/meals-dining-hall"


def test_the_index_is_reused_until_a_text_changes(sample_client: TestClient) -> None:
    factory = sample_client.app.state.session_factory  # type: ignore[attr-defined]

    def found(query: str) -> list[str]:
        with factory() as session:
            exercise = session.scalars(select(Exercise.id)).one()
            hits, _unmatched = search_explained(session, exercise, query, ["topic"], 5)
        return [hit.item_id for hit in hits]

    built: list[int] = []
    keep = search_index.keep

    def counting_keep(*args: object) -> None:
        built.append(1)
        keep(*args)  # type: ignore[arg-type]

    search_index.keep = counting_keep  # type: ignore[assignment]
    try:
        before = found("zanzibarite")
        assert "meals-dining-hall" not in before
        assert found("zanzibarite") == before and len(built) == 1  # folded once
        edit = sample_client.patch(
            MEAL, json={"text": {"en": "Zanzibarite pancakes every morning."}}, headers=AS_ADMIN
        )
        assert edit.status_code == 200, edit.text
        assert found("zanzibarite") == ["meals-dining-hall"]  # the very next search
        assert len(built) == 2
    finally:
        search_index.keep = keep
