"""Venues answer with the hours in force on the exercise's local date: their Ramadan hours during
Ramadan (issue 20), on a Ramadan pack built for the test."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lookup.api import views
from tests.lookup.conftest import AS_ADMIN
from tests.packs import other_pack, ramadan_pack, write_pack

CLIENT_HEADERS = AS_ADMIN  # venues are for participants; the tiers are tested elsewhere


def store_hours(client: TestClient, lang: str) -> dict:
    response = client.get("/v1/items/venue/camp-store", params={"lang": lang})
    assert response.status_code == 200
    return response.json()["fields"]["hours"]


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
@pytest.mark.parametrize(
    ("moment", "in_force", "fri"),
    [
        # 20:30 UTC on 7 February is 00:30 on 8 February in Dubai: the first day of Ramadan.
        (datetime(2027, 2, 7, 20, 30, tzinfo=timezone.utc), "ramadan", "20:15-01:45+1"),
        (datetime(2027, 2, 7, 19, 30, tzinfo=timezone.utc), "weekly", "08:00-21:40"),
        (datetime(2027, 2, 15, 9, 0, tzinfo=timezone.utc), "ramadan", "20:15-01:45+1"),
        (datetime(2027, 3, 9, 19, 59, tzinfo=timezone.utc), "ramadan", "20:15-01:45+1"),
        (datetime(2027, 3, 9, 20, 0, tzinfo=timezone.utc), "weekly", "08:00-21:40"),
    ],
)
def test_the_hours_in_force_are_ramadans_during_ramadan(
    client_for: Callable[..., TestClient],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    moment: datetime,
    in_force: str,
    fri: str,
) -> None:
    client = client_for(write_pack(tmp_path / "ramadan.yml", ramadan_pack()))
    monkeypatch.setattr(views, "now", lambda: moment)
    hours = store_hours(client, lang)
    assert hours["in_force"] == in_force
    assert hours["current"]["fri"] == fri
    assert hours["weekly"]["fri"] == "08:00-21:40"  # both tables stay available


def test_without_announced_dates_umm_al_qura_decides(
    client_for: Callable[..., TestClient], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = ramadan_pack()
    del pack["exercise"]["ramadan"]
    path = write_pack(tmp_path / "ramadan.yml", pack)
    for moment, in_force in (
        (datetime(2027, 2, 15, 9, 0, tzinfo=timezone.utc), "ramadan"),
        (datetime(2027, 6, 1, 9, 0, tzinfo=timezone.utc), "weekly"),
    ):
        monkeypatch.setattr(views, "now", lambda moment=moment: moment)
        # A fresh service per moment: a read cache may keep one answer for a while.
        assert store_hours(client_for(path), "en")["in_force"] == in_force


def test_a_venue_without_ramadan_hours_has_only_its_weekly_ones(
    client_for: Callable[..., TestClient], tmp_path: Path
) -> None:
    client = client_for(write_pack(tmp_path / "other.yml", other_pack()))
    hours = client.get("/v1/items/venue/well-square", params={"lang": "en"}).json()["fields"]
    assert set(hours["hours"]) == {"weekly"}


@pytest.mark.parametrize(
    ("moment", "ramadan_today"),
    [
        (datetime(2027, 2, 15, 9, 0, tzinfo=timezone.utc), True),
        (datetime(2027, 3, 9, 20, 0, tzinfo=timezone.utc), False),  # 10 March in Dubai
    ],
)
def test_the_exercise_says_whether_it_is_ramadan_and_gives_suhoor_and_iftar(
    client_for: Callable[..., TestClient],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    moment: datetime,
    ramadan_today: bool,
) -> None:
    pack = ramadan_pack()
    pack["exercise"]["ramadan_meals"] = {"suhoor": "03:00-04:15", "iftar": "17:50-19:30"}
    client = client_for(write_pack(tmp_path / "ramadan.yml", pack))
    monkeypatch.setattr(views, "now", lambda: moment)
    fields = client.get("/v1/exercise", params={"lang": "ar"}).json()["fields"]
    assert fields["ramadan_today"] is ramadan_today
    assert fields["ramadan_meals"] == {"suhoor": "03:00-04:15", "iftar": "17:50-19:30"}
