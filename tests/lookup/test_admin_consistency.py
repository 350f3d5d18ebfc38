"""Admin writes go through the pack loader's own checks (issue 18, item 11): a write that would make
the stored exercise fail an import is refused with 422, and nothing changes."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.packs import other_pack

OTHER = other_pack()
EXERCISE = "/v1/admin/items/exercise/test-oasis-99"


def _exercise(client: TestClient, admin: dict[str, str]) -> dict[str, Any]:
    response = client.get("/v1/exercise", params={"lang": "en"}, headers=admin)
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(
    "patch,expected",
    [
        ({"time_zone": "Mars/Olympus_Mons"}, "unknown time zone 'Mars/Olympus_Mons'"),
        ({"end_date": "2027-05-01"}, "ends before it starts"),
        ({"flag_order": ["hst"]}, "must list every nation code exactly once"),
        # The event on 2027-06-02 would fall outside the exercise.
        ({"start_date": "2027-06-03"}, "outside the exercise dates"),
    ],
)
def test_an_exercise_patch_that_breaks_the_pack_is_422_and_changes_nothing(
    other_client: TestClient, admin: dict[str, str], patch: dict[str, Any], expected: str
) -> None:
    before = _exercise(other_client, admin)
    response = other_client.patch(EXERCISE, json=patch, headers=admin)
    assert response.status_code == 422, response.text
    assert expected in response.json()["detail"]
    assert _exercise(other_client, admin) == before
    # What a bad time zone used to break: events, and the audit log shows no write.
    assert other_client.get("/v1/events", params={"lang": "en"}, headers=admin).status_code == 200
    audit = other_client.get("/v1/admin/audit", headers=admin).json()
    assert [entry["action"] for entry in audit] == ["import"]


def test_a_good_exercise_patch_still_goes_through(
    other_client: TestClient, admin: dict[str, str]
) -> None:
    response = other_client.patch(EXERCISE, json={"time_zone": "Africa/Tunis"}, headers=admin)
    assert response.status_code == 200, response.text
    assert response.json()["document"]["time_zone"] == "Africa/Tunis"


def test_an_event_moved_outside_the_exercise_is_refused(
    other_client: TestClient, admin: dict[str, str]
) -> None:
    response = other_client.patch(
        "/v1/admin/items/event/raising",
        json={"start": "2027-07-02T07:00:00+01:00", "end": "2027-07-02T07:30:00+01:00"},
        headers=admin,
    )
    assert response.status_code == 422
    assert (
        "events[0] (id raising): start: 2027-07-02 is outside the exercise dates"
        in response.json()["detail"]
    )


def test_a_rank_for_an_unknown_nation_is_refused(
    other_client: TestClient, admin: dict[str, str]
) -> None:
    response = other_client.patch(
        "/v1/admin/items/rank/of-2",
        json={"titles": {"zzz": [{"en": "Captain", "fr": "Capitaine", "ar": "نقيب"}]}},
        headers=admin,
    )
    assert response.status_code == 422
    assert "not a nation of the exercise" in response.json()["detail"]


def test_deleting_every_topic_is_refused_at_the_last_one(
    other_client: TestClient, admin: dict[str, str]
) -> None:
    ids = [topic["id"] for topic in OTHER["topics"]]
    for item_id in ids[:-1]:
        deleted = other_client.delete(f"/v1/admin/items/topic/{item_id}", headers=admin)
        assert deleted.status_code == 204
    last = other_client.delete(f"/v1/admin/items/topic/{ids[-1]}", headers=admin)
    assert last.status_code == 422
    assert "topics" in last.json()["detail"]
