"""`at=` on the reads whose answer depends on the date (issue 20): the day the visitor asked
about, not today, decides Ramadan hours and whether it is Ramadan; a datetime is read in the
exercise's time zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lookup.api import views
from tests.lookup.conftest import AS_ADMIN
from tests.packs import ramadan_pack, write_pack

CLIENT_HEADERS = AS_ADMIN  # venues are for participants; the tiers are tested elsewhere
OUTSIDE = datetime(2027, 6, 1, 9, 0, tzinfo=timezone.utc)  # "now", well after Ramadan 2027


@pytest.fixture
def client(
    client_for: Callable[..., TestClient], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> TestClient:
    monkeypatch.setattr(views, "now", lambda: OUTSIDE)
    return client_for(write_pack(tmp_path / "ramadan.yml", ramadan_pack()))


@pytest.mark.parametrize(
    ("at", "in_force"),
    [
        (None, "weekly"),
        ("2027-02-15", "ramadan"),
        ("2027-02-07T20:30:00Z", "ramadan"),  # 00:30 on 8 February in Dubai: Ramadan's 1st day
        ("2027-02-07T19:30:00Z", "weekly"),
        ("2027-02-07T23:30:00", "weekly"),  # no offset: Dubai's own clock, still 7 February
    ],
)
def test_a_venues_hours_on_the_day_asked(client: TestClient, at: str | None, in_force: str) -> None:
    params = {"lang": "en", **({"at": at} if at else {})}
    one = client.get("/v1/items/venue/camp-store", params=params).json()
    assert one["fields"]["hours"]["in_force"] == in_force
    listed = client.get("/v1/items/venue", params=params).json()["items"]
    assert next(v for v in listed if v["id"] == "camp-store")["fields"]["hours"]["in_force"] == (
        in_force
    )
    found = client.get("/v1/search", params={**params, "q": "camp store", "kind": "venue"}).json()
    assert found["hits"][0]["item"]["fields"]["hours"]["in_force"] == in_force
    exercise = client.get("/v1/exercise", params=params).json()
    assert exercise["fields"]["ramadan_today"] is (in_force == "ramadan")


def test_an_at_that_is_no_date_is_refused(client: TestClient) -> None:
    response = client.get("/v1/exercise", params={"lang": "en", "at": "next friday"})
    assert response.status_code == 422
