"""Prayer times at the camp (issue 20): calculated from the pack's coordinates and method, for the
local day an `at=` names, public to every reader, the coordinates never answered to visitors."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lookup.api import views
from lookup.packs.loader import check_document
from tests.lookup.conftest import AS_ADMIN
from tests.packs import SAMPLE_PACK, other_pack, read_pack, write_pack

VISITOR = {"channel": "telegram", "sender_id": "prayer-4242"}  # never enrolled: public tier
ORDER = ["fajr", "sunrise", "dhuhr", "asr", "maghrib", "isha"]


def times(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/prayer-times", params={"lang": "en", **VISITOR, **params})
    assert response.status_code == 200, response.text
    return response.json()


def minutes(clock: str) -> int:
    return int(clock[:2]) * 60 + int(clock[3:])


def solar_noon(day: date, longitude: float, utc_offset_minutes: int) -> float:
    """Local solar noon in minutes after midnight, by NOAA's equation of time: a check made
    without the library under test (dhuhr is when the sun crosses the meridian)."""
    g = 2 * math.pi / 365 * (day.timetuple().tm_yday - 1)
    eqtime = 229.18 * (
        0.000075
        + 0.001868 * math.cos(g)
        - 0.032077 * math.sin(g)
        - 0.014615 * math.cos(2 * g)
        - 0.040849 * math.sin(2 * g)
    )
    return 720 - 4 * longitude - eqtime + utc_offset_minutes


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_a_day_of_the_sample_in_order_with_dhuhr_at_solar_noon(
    sample_client: TestClient, lang: str
) -> None:
    answer = times(sample_client, at="2027-01-21", lang=lang)
    [day] = answer["days"]
    assert day["date"] == "2027-01-21"
    assert list(day["times"]) == ORDER
    clocks = [minutes(day["times"][name]) for name in ORDER]
    assert clocks == sorted(clocks) and len(set(clocks)) == len(clocks)
    pack = read_pack(SAMPLE_PACK)["exercise"]["prayer_times"]
    noon = solar_noon(date(2027, 1, 21), pack["longitude"], 180)  # Asia/Riyadh, +03:00
    assert abs(minutes(day["times"]["dhuhr"]) - noon) <= 2
    assert day["friday_prayer"] is None  # a Thursday
    assert answer["method"] == pack["method"] and answer["time_zone"] == "Asia/Riyadh"


def test_friday_prayer_is_the_packs_time(sample_client: TestClient) -> None:
    [friday] = times(sample_client, at="2027-01-22")["days"]
    pack = read_pack(SAMPLE_PACK)["exercise"]["prayer_times"]
    assert friday["friday_prayer"] == pack["friday_prayer"]
    assert friday["friday_from_pack"] is True


def test_without_a_friday_time_friday_prayer_is_dhuhr(
    client_for: Callable[..., TestClient], tmp_path: Path
) -> None:
    pack = read_pack(SAMPLE_PACK)
    del pack["exercise"]["prayer_times"]["friday_prayer"]
    client = client_for(write_pack(tmp_path / "pack.yml", pack))
    [friday] = times(client, at="2027-01-22")["days"]
    assert friday["friday_prayer"] == friday["times"]["dhuhr"]
    assert friday["friday_from_pack"] is False


@pytest.mark.parametrize(
    ("at", "day"),
    [
        ("2027-01-21T20:59:00Z", "2027-01-21"),  # 23:59 in Riyadh
        ("2027-01-21T21:00:00Z", "2027-01-22"),  # midnight in Riyadh: the next local day
        ("2027-01-22T00:30:00", "2027-01-22"),  # no offset: already local
    ],
)
def test_at_names_the_exercises_local_day(sample_client: TestClient, at: str, day: str) -> None:
    assert times(sample_client, at=at)["days"][0]["date"] == day


def test_without_at_it_is_todays_local_date(
    sample_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "now", lambda: datetime(2027, 1, 19, 22, 0, tzinfo=timezone.utc))
    assert times(sample_client)["days"][0]["date"] == "2027-01-20"


def test_several_days_for_a_timetable(sample_client: TestClient) -> None:
    days = times(sample_client, at="2027-01-17", days=12)["days"]
    assert [d["date"] for d in days][::11] == ["2027-01-17", "2027-01-28"]
    assert [d["date"] for d in days if d["friday_prayer"]] == ["2027-01-22"]  # the one Friday
    # maghrib moves later through January at this latitude
    assert minutes(days[-1]["times"]["maghrib"]) > minutes(days[0]["times"]["maghrib"])


def test_an_exercise_without_prayer_times_answers_404(other_client: TestClient) -> None:
    response = other_client.get("/v1/prayer-times", params={"lang": "en"})
    assert response.status_code == 404
    assert "prayer_times" in response.json()["detail"]


def test_a_visitor_never_gets_the_camps_coordinates(sample_client: TestClient) -> None:
    public = sample_client.get("/v1/exercise", params={"lang": "en", **VISITOR}).json()
    assert public["fields"]["prayer_times"] == {
        "method": "umm_al_qura",
        "madhab": "shafi",
        "friday_prayer": "12:15",
    }
    staff = sample_client.get("/v1/exercise", params={"lang": "en"}, headers=AS_ADMIN).json()
    assert {"latitude", "longitude"} <= set(staff["fields"]["prayer_times"])


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"latitude": 91}, "latitude"),
        ({"longitude": -181}, "longitude"),
        ({"method": "umm_al_qurra"}, "method"),
        ({"friday_prayer": "12:75"}, "friday_prayer"),
    ],
)
def test_impossible_coordinates_or_an_unknown_method_are_refused(
    change: dict[str, Any], field: str
) -> None:
    pack = other_pack()
    pack["exercise"]["prayer_times"] = {
        "latitude": 31.6,
        "longitude": -8.0,
        "method": "muslim_world_league",
        **change,
    }
    problems = check_document(pack)
    assert problems and all(f"prayer_times.{field}" in problem for problem in problems), problems


def test_every_library_method_is_accepted() -> None:
    from lookup.packs.schema import PRAYER_METHODS

    assert {"umm_al_qura", "muslim_world_league", "egyptian", "karachi"} <= set(PRAYER_METHODS)
    for method in PRAYER_METHODS:
        pack = other_pack()
        pack["exercise"]["prayer_times"] = {"latitude": 31.6, "longitude": -8.0, "method": method}
        assert check_document(pack) == []
