"""Issue 19: who may read what. Audiences per item (defaults by kind and topic, a pack's own
`audience`, admin edits), enforced by the service for the tier of the visitor the action server
names; enrolment codes (expired, revoked, used up, guess limit) that make a visitor a
participant."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from fastapi.testclient import TestClient

from common.topics import TOPIC_AUDIENCE, TOPICS, default_audience
from lookup.store.enrolment import ALPHABET, canonical, make_code, new_code
from lookup.store.exercises import current_exercise
from tests.lookup.conftest import AS_ADMIN

MEAL_FACT = "05:30"  # breakfast time, in every language of the sample's meals item
VISITOR = {"channel": "telegram", "sender_id": "4242"}


def code_for(client: TestClient, nation: str = "nmk", **body: Any) -> str:
    response = client.post(
        "/v1/admin/enrolment-codes", json={"nation": nation, **body}, headers=AS_ADMIN
    )
    assert response.status_code == 201, response.text
    return str(response.json()["code"])


def enrol(client: TestClient, code: str, visitor: dict[str, str] = VISITOR) -> dict[str, Any]:
    response = client.post("/v1/enrolments", json={**visitor, "code": code})
    assert response.status_code == 200, response.text
    return dict(response.json())


def meals(client: TestClient, lang: str = "en", **visitor: str) -> dict[str, Any]:
    response = client.get("/v1/topics/meals", params={"lang": lang, **visitor})
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_every_topic_and_kind_has_a_default_and_safety_is_public() -> None:
    assert set(TOPIC_AUDIENCE) == set(TOPICS)
    assert default_audience("topic", "emergency_contacts") == "public"
    assert default_audience("topic", "greetings") == "public"
    assert default_audience("topic", "meals") == "participants"
    assert default_audience("event") == "participants"
    assert default_audience("exercise") == "public"
    assert default_audience("no-such-kind") == "staff"


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_an_unenrolled_visitor_gets_no_participants_fact(
    sample_client: TestClient, lang: str
) -> None:
    anonymous = meals(sample_client, lang)
    named = meals(sample_client, lang, **VISITOR)
    for body in (anonymous, named):
        assert body["items"] == [] and body["withheld"] == 1
    events = sample_client.get("/v1/events", params={"lang": lang, **VISITOR}).json()
    assert events["items"] == [] and events["withheld"] > 0
    venues = sample_client.get("/v1/items/venue", params={"lang": lang, **VISITOR}).json()
    assert venues["items"] == []
    one = sample_client.get("/v1/items/topic/meals-dining-hall", params={"lang": lang, **VISITOR})
    assert one.status_code == 403
    found = sample_client.get(
        "/v1/search", params={"lang": lang, "q": "breakfast lunch dinner meals", **VISITOR}
    ).json()
    assert all(
        hit["item"]["kind"] != "topic" or hit["item"]["id"] != "meals-dining-hall"
        for hit in found["hits"]
    )
    assert MEAL_FACT not in str(found) + str(events) + str(venues) + str(named)
    # Public items still answer.
    emergency = sample_client.get("/v1/topics/emergency_contacts", params={"lang": lang}).json()
    assert "2222" in emergency["items"][0]["fields"]["text"]


def test_a_code_makes_that_visitor_a_participant_and_no_one_else(
    sample_client: TestClient,
) -> None:
    code = code_for(sample_client)
    assert enrol(sample_client, code.lower().replace("-", " ")) == {
        "enrolled": True,
        "reason": None,
        "nation": "nmk",
        "already": False,
        "retry_after": None,
    }
    assert MEAL_FACT in str(meals(sample_client, **VISITOR)["items"])
    other_channel = {"channel": "socketio", "sender_id": VISITOR["sender_id"]}
    assert meals(sample_client, **other_channel)["items"] == []
    assert enrol(sample_client, code)["already"] is True
    listed = sample_client.get("/v1/admin/enrolment-codes", headers=AS_ADMIN).json()
    assert listed[0]["uses"] == 1
    assert listed[0]["used_by"][0]["sender_id"] == VISITOR["sender_id"]
    assert code not in str(listed) and listed[0]["hint"] == code[:4]


def test_admins_read_everything_and_the_service_without_a_visitor_reads_public(
    sample_client: TestClient,
) -> None:
    assert MEAL_FACT in str(
        sample_client.get("/v1/topics/meals", params={"lang": "en"}, headers=AS_ADMIN).json()
    )
    assert meals(sample_client)["items"] == []


def test_expired_revoked_and_used_up_codes_do_not_enrol(sample_client: TestClient) -> None:
    with sample_client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        exercise = current_exercise(session, None)
        row, expired = make_code(session, exercise, "nmk", 5, None, "test")
        row.expires_at = datetime.now(timezone.utc) - timedelta(minutes=1)
        session.commit()
    assert enrol(sample_client, expired)["reason"] == "expired"
    once = code_for(sample_client, uses=1)
    assert enrol(sample_client, once)["enrolled"]
    assert enrol(sample_client, once, {"channel": "rest", "sender_id": "x"})["reason"] == "used_up"
    revoked = code_for(sample_client, nation="nhr")
    revoked_id = sample_client.get("/v1/admin/enrolment-codes", headers=AS_ADMIN).json()[0]["id"]
    holder = {"channel": "rest", "sender_id": "holder"}
    assert enrol(sample_client, revoked, holder)["nation"] == "nhr"
    assert MEAL_FACT in str(meals(sample_client, **holder))
    response = sample_client.post(
        f"/v1/admin/enrolment-codes/{revoked_id}/revoke", headers=AS_ADMIN
    )
    assert response.json()["status"] == "revoked"
    assert enrol(sample_client, revoked, {"channel": "rest", "sender_id": "y"})["reason"] == (
        "revoked"
    )
    assert meals(sample_client, **holder)["items"] == []  # its holders lose the tier too


def test_wrong_codes_are_limited_per_sender(sample_client: TestClient) -> None:
    good = code_for(sample_client)
    for _ in range(5):
        assert enrol(sample_client, new_code())["reason"] == "unknown"
    refused = enrol(sample_client, good)
    assert refused["reason"] == "too_many_attempts" and refused["retry_after"] > 0
    assert enrol(sample_client, good, {"channel": "rest", "sender_id": "other"})["enrolled"]


def test_codes_are_for_the_exercise_nations_and_need_an_admin(
    sample_client: TestClient,
) -> None:
    unknown = sample_client.post(
        "/v1/admin/enrolment-codes", json={"nation": "xyz"}, headers=AS_ADMIN
    )
    assert unknown.status_code == 422 and "nmk" in unknown.json()["detail"]
    assert sample_client.post("/v1/admin/enrolment-codes", json={"nation": "nmk"}).status_code == (
        403
    )
    assert sample_client.get("/v1/admin/enrolment-codes").status_code == 403
    # Only the action server enrols.
    response = sample_client.post(
        "/v1/enrolments", json={**VISITOR, "code": new_code()}, headers=AS_ADMIN
    )
    assert response.status_code == 403


def test_codes_are_long_from_an_unambiguous_alphabet() -> None:
    code = new_code()
    assert len(code) == 12 and code[4] == code[9] == "-"
    assert not set("01OIL") & set(ALPHABET) and len(ALPHABET) ** 10 > 10**14
    assert canonical(f" {code.lower()} ") == code.replace("-", "")
    assert canonical("ABCD-EFGH-I1") is None  # look-alikes are never in a code


def test_a_pack_or_an_admin_sets_an_items_audience(sample_client: TestClient) -> None:
    patch = sample_client.patch(
        "/v1/admin/items/topic/meals-dining-hall", json={"audience": "public"}, headers=AS_ADMIN
    )
    assert patch.status_code == 200, patch.text
    assert MEAL_FACT in str(meals(sample_client, **VISITOR))
    wrong = sample_client.patch(
        "/v1/admin/items/topic/meals-dining-hall", json={"audience": "everyone"}, headers=AS_ADMIN
    )
    assert wrong.status_code == 422
    staff_only = sample_client.patch(
        "/v1/admin/items/topic/emergency-numbers", json={"audience": "staff"}, headers=AS_ADMIN
    )
    assert staff_only.status_code == 200
    code = code_for(sample_client)
    enrol(sample_client, code)
    body = sample_client.get(
        "/v1/topics/emergency_contacts", params={"lang": "en", **VISITOR}
    ).json()
    assert body["items"] == [] and body["withheld"] == 1


def test_the_pack_schema_documents_the_audience() -> None:
    from lookup.packs.schema import Pack

    schema = str(Pack.model_json_schema())
    assert "participants" in schema and "enrolled" in schema


def test_the_handoff_queue_knows_an_enrolled_visitors_nation(sample_client: TestClient) -> None:
    enrol(sample_client, code_for(sample_client, nation="nhr"))
    body = {**VISITOR, "language": "en", "reason": "asked", "transcript": []}
    assert sample_client.post("/v1/handoffs", json=body).status_code == 201
    from lookup.store.models import Handoff

    with sample_client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        handoff = session.query(Handoff).one()
        assert handoff.nationality == "nhr"


def test_the_action_server_reads_a_visitors_own_nation_and_no_one_else_may(
    sample_client: TestClient,
) -> None:
    """GET /v1/enrolments/mine: the nation of the visitor the action server names, for "who is
    my liaison officer"; nothing for an unenrolled one or once the code is revoked; the service
    token only (an admin token or none is refused)."""

    def mine(visitor: dict[str, str], **headers: str) -> Any:
        return sample_client.get("/v1/enrolments/mine", params=visitor, headers=headers)

    assert mine(VISITOR).json() == {"enrolled": False, "nation": None}
    enrol(sample_client, code_for(sample_client, nation="vlm"))
    assert mine(VISITOR).json() == {"enrolled": True, "nation": "vlm"}
    other_channel = {"channel": "socketio", "sender_id": VISITOR["sender_id"]}
    assert mine(other_channel).json() == {"enrolled": False, "nation": None}
    assert mine(VISITOR, **AS_ADMIN).status_code == 403
    assert mine(VISITOR, Authorization="").status_code == 401
    assert mine({"channel": "telegram"}).status_code == 422
    code_id = sample_client.get("/v1/admin/enrolment-codes", headers=AS_ADMIN).json()[0]["id"]
    sample_client.post(f"/v1/admin/enrolment-codes/{code_id}/revoke", headers=AS_ADMIN)
    assert mine(VISITOR).json() == {"enrolled": False, "nation": None}
