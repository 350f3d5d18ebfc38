from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lookup.api import admin as admin_api
from lookup.settings import Settings
from tests.lookup.conftest import AS_ADMIN, NO_TOKEN
from tests.packs import other_pack

OTHER = other_pack()
MEAL = "/v1/admin/items/topic/mess-tent"


def meal_text(client: TestClient, lang: str) -> str:
    items = client.get("/v1/topics/meals", params={"lang": lang}, headers=AS_ADMIN).json()["items"]
    return next(i["fields"]["text"] for i in items if i["id"] == "mess-tent")


def new_topic(**changes: Any) -> dict[str, Any]:
    return {
        "id": "laundry-tent",
        "topic": "laundry",
        "title": {"en": "Laundry", "fr": "Blanchisserie", "ar": "المغسلة"},
        "text": {"en": "Tent L, 08:00-12:00.", "fr": "Tente L, 08h00-12h00.", "ar": "الخيمة ل."},
        **changes,
    }


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_need_a_bearer_token(other_client: TestClient, method: str) -> None:
    url = "/v1/admin/items/topic" if method == "post" else MEAL
    kwargs = {} if method == "delete" else {"json": new_topic()}
    response = getattr(other_client, method)(url, headers=NO_TOKEN, **kwargs)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    wrong = getattr(other_client, method)(
        url, headers={"Authorization": "Bearer not-the-token-0000000"}, **kwargs
    )
    assert wrong.status_code == 403
    assert meal_text(other_client, "en") == OTHER["topics"][0]["text"]["en"]


def test_audit_needs_an_admin_token(other_client: TestClient) -> None:
    assert other_client.get("/v1/admin/audit", headers=NO_TOKEN).status_code == 401
    assert other_client.get("/v1/admin/audit").status_code == 403  # the service token


def test_admin_api_is_off_without_configured_tokens(
    settings: Settings, other_pack_path: Any, client_for: Callable[..., TestClient]
) -> None:
    settings.admin_tokens = ""
    client = client_for(other_pack_path)
    response = client.patch(MEAL, json={}, headers={"Authorization": "Bearer whatever-whatever"})
    assert response.status_code == 503
    assert "LIAISON_ADMIN_TOKENS" in response.json()["detail"]


def test_patching_one_translation_changes_the_next_answer_and_is_audited(
    other_client: TestClient, admin: dict[str, str]
) -> None:
    new_french = "La tente B sert désormais les repas de 06h30 à 07h15."
    response = other_client.patch(MEAL, json={"text": {"fr": new_french}}, headers=admin)
    assert response.status_code == 200, response.text
    stored = response.json()
    assert stored["updated_by"] == "Capt. Test"
    assert stored["document"]["text"]["en"] == OTHER["topics"][0]["text"]["en"]

    assert meal_text(other_client, "fr") == new_french
    assert meal_text(other_client, "en") == OTHER["topics"][0]["text"]["en"]

    [entry, *_] = other_client.get("/v1/admin/audit", headers=admin).json()
    assert (entry["actor"], entry["action"], entry["kind"], entry["item_id"]) == (
        "Capt. Test",
        "update",
        "topic",
        "mess-tent",
    )
    assert entry["before"]["text"]["fr"] == OTHER["topics"][0]["text"]["fr"]
    assert entry["after"]["text"]["fr"] == new_french

    # French is now newer than English and Arabic for that text: the report says so.
    report = other_client.get("/v1/translations/incomplete").json()
    [row] = [r for r in report if r["id"] == "mess-tent" and r["path"] == "text"]
    assert row["missing"] == [] and row["stale"] == ["ar", "en"]


def test_create_then_delete(other_client: TestClient, admin: dict[str, str]) -> None:
    created = other_client.post("/v1/admin/items/topic", json=new_topic(), headers=admin)
    assert created.status_code == 201, created.text
    laundry = other_client.get("/v1/topics/laundry", params={"lang": "fr"}, headers=AS_ADMIN).json()
    assert laundry["items"][0]["fields"]["text"] == "Tente L, 08h00-12h00."
    again = other_client.post("/v1/admin/items/topic", json=new_topic(), headers=admin)
    assert again.status_code == 409

    assert (
        other_client.delete("/v1/admin/items/topic/laundry-tent", headers=admin).status_code == 204
    )
    assert (
        other_client.get("/v1/topics/laundry", params={"lang": "fr"}, headers=AS_ADMIN).status_code
        == 404
    )
    actions = [e["action"] for e in other_client.get("/v1/admin/audit", headers=admin).json()]
    assert actions[:2] == ["delete", "create"]


def test_a_missing_translation_is_reported_never_filled(
    other_client: TestClient, admin: dict[str, str]
) -> None:
    english_only = new_topic(text={"en": "Tent L."}, title={"en": "Laundry"})
    assert (
        other_client.post("/v1/admin/items/topic", json=english_only, headers=admin).status_code
        == 201
    )
    item = other_client.get("/v1/topics/laundry", params={"lang": "ar"}, headers=AS_ADMIN).json()[
        "items"
    ][0]
    assert item["fields"]["text"] is None
    assert sorted(item["missing_translations"]) == ["text", "title"]
    report = other_client.get("/v1/translations/incomplete").json()
    assert {"kind": "topic", "id": "laundry-tent", "path": "text"}.items() <= next(
        r for r in report if r["id"] == "laundry-tent" and r["path"] == "text"
    ).items()
    assert next(r for r in report if r["id"] == "laundry-tent")["missing"] == ["fr", "ar"]


@pytest.mark.parametrize(
    "document,expected",
    [
        (new_topic(topic="gossip"), "topic"),
        ({k: v for k, v in new_topic().items() if k != "text"}, "text"),
        (new_topic(colour="green"), "colour"),
        (new_topic(text={"en": "x", "de": "y"}), "language(s) not in this exercise: de"),
    ],
)
def test_invalid_items_are_422_naming_the_field_and_change_nothing(
    other_client: TestClient, admin: dict[str, str], document: dict[str, Any], expected: str
) -> None:
    response = other_client.post("/v1/admin/items/topic", json=document, headers=admin)
    assert response.status_code == 422
    assert expected in str(response.json()["detail"])
    assert (
        other_client.get("/v1/topics/laundry", params={"lang": "en"}, headers=AS_ADMIN).status_code
        == 404
    )


def test_references_are_kept_whole(other_client: TestClient, admin: dict[str, str]) -> None:
    event = other_client.get(
        "/v1/items/event/raising", params={"lang": "en"}, headers=AS_ADMIN
    ).json()
    assert event["fields"]["venue"] == "well-square"
    bad_ref = other_client.patch(
        "/v1/admin/items/event/raising", json={"venue": "atlantis"}, headers=admin
    )
    assert bad_ref.status_code == 422 and "atlantis" in bad_ref.json()["detail"]

    in_use = other_client.delete("/v1/admin/items/venue/well-square", headers=admin)
    assert in_use.status_code == 409 and "raising" in in_use.json()["detail"]
    assert other_client.delete("/v1/admin/items/event/raising", headers=admin).status_code == 204
    assert (
        other_client.delete("/v1/admin/items/venue/well-square", headers=admin).status_code == 204
    )


def test_unknown_items_and_kinds_are_404(other_client: TestClient, admin: dict[str, str]) -> None:
    assert (
        other_client.put("/v1/admin/items/topic/nope", json=new_topic(), headers=admin).status_code
        == 404
    )
    assert other_client.delete("/v1/admin/items/ufo/x", headers=admin).status_code == 404


def test_a_fault_during_a_write_leaves_nothing_half_written(
    other_client: TestClient, admin: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = admin_api.write_item

    def write_then_fail(*args: Any, **kwargs: Any) -> Any:
        real_write(*args, **kwargs)  # the item, its texts and the audit entry are flushed ...
        raise RuntimeError("disk full")  # ... and then the process fails before commit

    monkeypatch.setattr(admin_api, "write_item", write_then_fail)
    client = TestClient(other_client.app, raise_server_exceptions=False)
    response = client.patch(MEAL, json={"text": {"fr": "jamais"}}, headers=admin)
    assert response.status_code == 500
    assert meal_text(other_client, "fr") == OTHER["topics"][0]["text"]["fr"]
    assert [e["action"] for e in other_client.get("/v1/admin/audit", headers=admin).json()] == [
        "import"
    ]
