"""Issue 19 with issue 22's replicas: the wrong-code budget is the database's, not a process's.
Two lookup replicas behind the load balancer, or one restarted, must not give a guesser more
tries than one process would (5 per visitor and 200 in all per hour by default)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from fastapi.testclient import TestClient

import lookup.api.enrolment
from lookup.app import create_app
from lookup.settings import Settings
from lookup.store.enrolment import new_code
from tests.lookup.conftest import AS_SERVICE
from tests.lookup.test_audiences import code_for, enrol
from tests.packs import SAMPLE_PACK

PER_SENDER = 5  # Settings' default
GUESSER = {"channel": "webchat", "sender_id": "guesser"}


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[datetime]]:
    """The enrolment route's time, moved on by the test."""
    times = [datetime(2027, 1, 18, 9, 0, tzinfo=timezone.utc)]
    monkeypatch.setattr(lookup.api.enrolment, "now", lambda: times[0])
    yield times


def wrong_codes(client: TestClient, count: int, visitor: dict[str, str] = GUESSER) -> None:
    for _ in range(count):
        assert enrol(client, new_code(), visitor)["reason"] == "unknown"


def test_two_replicas_share_one_visitors_budget(client_for: Callable[..., TestClient]) -> None:
    first = client_for(SAMPLE_PACK)
    second = client_for()  # another process on the same database
    good = code_for(first)
    wrong_codes(first, 3)
    wrong_codes(second, PER_SENDER - 3)
    refused = enrol(second, good, GUESSER)
    assert refused["reason"] == "too_many_attempts", refused
    assert enrol(first, good, GUESSER)["reason"] == "too_many_attempts"
    assert enrol(second, good, {"channel": "webchat", "sender_id": "someone else"})["enrolled"]


def test_a_restart_gives_no_tries_back(client_for: Callable[..., TestClient]) -> None:
    before = client_for(SAMPLE_PACK)
    good = code_for(before)
    wrong_codes(before, PER_SENDER)
    before.close()
    after = client_for()
    assert enrol(after, good, GUESSER)["reason"] == "too_many_attempts"


def test_the_budget_comes_back_as_the_hour_goes_by(
    client_for: Callable[..., TestClient], clock: list[datetime]
) -> None:
    client = client_for(SAMPLE_PACK)
    good = code_for(client)
    start = clock[0]
    for minute in range(PER_SENDER):  # one wrong code a minute, 09:00 to 09:04
        clock[0] = start + timedelta(minutes=minute)
        wrong_codes(client, 1)
    clock[0] = start + timedelta(minutes=30)
    refused: dict[str, Any] = enrol(client, good, GUESSER)
    # The first failure leaves the hour at 10:00, 30 minutes on.
    assert refused["reason"] == "too_many_attempts" and refused["retry_after"] == 30 * 60
    clock[0] = start + timedelta(hours=1, seconds=1)
    assert enrol(client, good, GUESSER)["enrolled"]


def test_all_visitors_together_have_one_budget_across_replicas(
    settings: Settings, client_for: Callable[..., TestClient]
) -> None:
    first = client_for(SAMPLE_PACK)
    good = code_for(first)
    small = settings.model_copy(update={"enrolment_failures_per_hour": 3})
    replicas = [TestClient(create_app(small), headers=AS_SERVICE) for _ in range(2)]
    try:
        for n, replica in enumerate([*replicas, replicas[0]]):  # three senders, two replicas
            wrong_codes(replica, 1, {"channel": "webchat", "sender_id": f"browser-{n}"})
        fresh_sender = {"channel": "webchat", "sender_id": "browser-new"}
        assert enrol(replicas[1], good, fresh_sender)["reason"] == "too_many_attempts"
    finally:
        for replica in replicas:
            replica.close()
            replica.app.state.engine.dispose()  # type: ignore[attr-defined]
