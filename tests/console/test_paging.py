"""Issue 18, item 9: the console's lists are paged, so what visitors send cannot make one page
grow without bound (100 forged handoffs once made the queue 7.6 MB)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient

from lookup.console.paging import HANDOFFS_PER_PAGE, QUESTIONS_PER_PAGE, Pager
from lookup.store.database import transaction
from lookup.store.liaison import Line, append_transcript, open_handoff, record_unanswered
from tests.console.conftest import OFFICER, sign_in

START = datetime(2027, 6, 2, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def officer(sqlite_client: TestClient) -> TestClient:
    sign_in(sqlite_client, OFFICER[0], OFFICER[1])
    return sqlite_client


def queue_handoffs(client: TestClient, count: int) -> None:
    with transaction(client.app.state.session_factory) as session:  # type: ignore[attr-defined]
        for n in range(count):
            at = START + timedelta(minutes=n)
            handoff, _ = open_handoff(
                session,
                sender_id=f"tg-{n}",
                channel="telegram",
                language="fr",
                nationality=None,
                reason="asked",
                on_duty=True,
                reply_expected_by=at,
                at=at,
            )
            append_transcript(session, handoff, [Line("visitor", "x" * 3000, at)])


def test_the_handoff_queue_shows_a_page_at_a_time(officer: TestClient) -> None:
    queue_handoffs(officer, HANDOFFS_PER_PAGE * 2 + 7)
    first = officer.get("/console/handoffs")
    assert first.text.count("data-handoff=") == HANDOFFS_PER_PAGE
    assert 'href="/console/handoffs?page=3"' in first.text
    assert 'data-handoff="1"' in first.text  # the oldest first
    last = officer.get("/console/handoffs", params={"page": 3})
    assert last.text.count("data-handoff=") == 7
    beyond = officer.get("/console/handoffs", params={"page": 99})
    assert beyond.text.count("data-handoff=") == 7  # past the end: the last page
    assert officer.get("/console/handoffs", params={"page": 0}).status_code == 422


def test_the_unanswered_list_shows_a_page_at_a_time(officer: TestClient) -> None:
    with transaction(officer.app.state.session_factory) as session:  # type: ignore[attr-defined]
        for n in range(QUESTIONS_PER_PAGE + 30):
            record_unanswered(
                session,
                text=f"question number {n:04d}",
                language="en",
                intent=None,
                confidence=None,
                reason="fallback",
                topic=None,
                at=START + timedelta(seconds=n),
            )
    first = officer.get("/console/unanswered").text
    assert "question number 0129" in first and "question number 0029" not in first
    assert first.count("question number ") == QUESTIONS_PER_PAGE
    second = officer.get("/console/unanswered", params={"page": 2}).text
    assert second.count("question number ") == 30 and "question number 0000" in second
    resolved = officer.get("/console/unanswered", params={"resolved": "true"}).text
    assert 'href="/console/unanswered?resolved=true&amp;page=2"' in resolved


def test_page_links_stay_few_however_many_pages() -> None:
    pager = Pager.of(50, 10, 10_000, "/console/handoffs")
    assert pager.shown() == [1, None, 48, 49, 50, 51, 52, None, 1000]
    assert pager.offset == 490 and pager.url(2) == "/console/handoffs?page=2"
    assert Pager.of(1, 10, 0, "/x").shown() == [1]


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/console/handoffs/{big}"),
        ("get", "/console/handoffs/{big}/messages.json"),
        ("get", "/console/announcements/{big}"),
    ],
)
def test_an_id_too_large_for_the_database_is_a_422_not_a_500(
    officer: TestClient, method: str, url: str
) -> None:
    """SQLite cannot bind 2**64 (PostgreSQL not even 2**31): that was a 500."""
    response = getattr(officer, method)(url.format(big=2**64))
    assert response.status_code == 422


def test_intake_answers_404_for_a_handoff_id_too_large(sqlite_client: TestClient) -> None:
    body = {"sender_id": "tg-1", "channel": "telegram", "speaker": "visitor", "text": "x"}
    assert sqlite_client.post(f"/v1/handoffs/{2**64}/messages", json=body).status_code == 404
