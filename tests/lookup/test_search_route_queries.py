"""A search's hits are loaded in one query, not one each (issue 22: a visitor's own words are a
new search at almost every answer, so the route's cost per hit is paid every turn)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import event


def _item_selects(client: TestClient, query: str) -> tuple[int, int]:
    """(hits, statements that read the items table) for one search of `query`."""
    engine = client.app.state.engine  # type: ignore[attr-defined]
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        answer = client.get("/v1/search", params={"q": query, "lang": "en", "limit": 50})
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert answer.status_code == 200, answer.text
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "FROM items" in s]
    return len(answer.json()["hits"]), len(reads)


def test_the_hits_of_a_search_are_read_in_one_query(sample_client: TestClient) -> None:
    _item_selects(sample_client, "lunch")  # the search's index is built (once per version)
    hits, reads = _item_selects(sample_client, "building")  # the sample's venues and more
    assert hits >= 5
    assert reads == 1, f"{reads} queries of the items table for {hits} hits"
