"""Searching one exercise of a test service directly, as its routes do: the search-kind tests'
shared helper."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from lookup.search import Hit, search

Search = Callable[[str, list[str]], list[Hit]]
# The kinds a question naming an event is searched in.
EVENTS_AND_ALL = ["event", "venue", "dress_code", "contact", "rank", "topic"]


def searcher(client: TestClient, exercise_id: str) -> Search:
    """(query, kinds) -> the hits of `exercise_id` in the client's service, as it ranks them."""

    def run(query: str, kinds: list[str]) -> list[Hit]:
        with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
            return search(session, exercise_id, query, kinds=kinds)

    return run


def assert_counts_against_nothing(search: Search, said: str, plain: str, meant: str) -> None:
    """`said` finds `meant` first, with the share of the message that `plain` (the same question
    without the words under test) gives it: those words count against no item."""
    [hit, *_] = search(said, EVENTS_AND_ALL)
    [bare, *_] = search(plain, EVENTS_AND_ALL)
    assert hit.item_id == bare.item_id == meant, (hit, bare)
    assert hit.coverage == bare.coverage, (hit, bare)
