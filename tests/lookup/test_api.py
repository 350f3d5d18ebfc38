from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.packs import SAMPLE_PACK, other_pack, read_pack, topic_text

SAMPLE = read_pack(SAMPLE_PACK)
TOPICS = ["meals", "prayer_facilities", "emergency_contacts"]


def test_health_reports_service_database_and_exercise(sample_client: TestClient) -> None:
    response = sample_client.get("/health")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "exercise": SAMPLE["exercise"]["id"],
    }


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
@pytest.mark.parametrize("topic", TOPICS)
def test_topic_answers_in_the_requested_language(
    sample_client: TestClient, topic: str, lang: str
) -> None:
    response = sample_client.get(f"/v1/topics/{topic}", params={"lang": lang})
    assert response.status_code == 200
    body = response.json()
    assert body["lang"] == lang
    assert [item["text"] for item in body["items"]] == topic_text(SAMPLE, topic, lang)
    for item in body["items"]:
        assert item["last_updated"].endswith(("Z", "+00:00"))
        assert item["updated_by"]


def test_second_pack_serves_its_own_facts_in_pack_order(
    client_for: Callable[..., TestClient], other_pack_path: Path
) -> None:
    client = client_for(other_pack_path)
    pack = other_pack()
    response = client.get("/v1/topics/meals", params={"lang": "fr"})
    assert [item["text"] for item in response.json()["items"]] == topic_text(pack, "meals", "fr")
    # Times keep their instant: 08:15 at +02:00 is 06:15 UTC.
    assert response.json()["items"][0]["last_updated"].startswith("2027-05-02T06:15:00")
    exercise = client.get("/v1/exercise", params={"lang": "ar"}).json()
    assert exercise["name"] == pack["exercise"]["name"]["ar"]
    assert exercise["languages"] == ["fr", "en", "ar"]


def test_unknown_topic_is_404_naming_it(sample_client: TestClient) -> None:
    response = sample_client.get("/v1/topics/submarines", params={"lang": "en"})
    assert response.status_code == 404
    assert "submarines" in response.json()["detail"]


def test_language_outside_the_exercise_is_422_listing_the_languages(
    sample_client: TestClient,
) -> None:
    response = sample_client.get("/v1/topics/meals", params={"lang": "de"})
    assert response.status_code == 422
    assert "ar, en, fr" in response.json()["detail"]


@pytest.mark.parametrize("params", [{}, {"lang": "ENGLISH"}, {"lang": "e"}])
def test_missing_or_malformed_language_is_422(sample_client: TestClient, params: dict) -> None:
    assert sample_client.get("/v1/topics/meals", params=params).status_code == 422


def test_without_an_exercise_reads_say_how_to_load_one(
    client_for: Callable[..., TestClient],
) -> None:
    client = client_for()
    assert client.get("/health").json()["exercise"] is None
    response = client.get("/v1/topics/meals", params={"lang": "en"})
    assert response.status_code == 404
    assert "import-pack" in response.json()["detail"]


def test_several_exercises_need_one_chosen(
    client_for: Callable[..., TestClient], other_pack_path: Path
) -> None:
    ambiguous = client_for(SAMPLE_PACK, other_pack_path)
    response = ambiguous.get("/v1/topics/meals", params={"lang": "en"})
    assert response.status_code == 404
    assert "LIAISON_EXERCISE_ID" in response.json()["detail"]

    chosen = client_for(exercise_id="test-oasis-99")
    texts = [
        i["text"] for i in chosen.get("/v1/topics/meals", params={"lang": "en"}).json()["items"]
    ]
    assert texts == topic_text(other_pack(), "meals", "en")


def test_openapi_docs_are_served(sample_client: TestClient) -> None:
    assert sample_client.get("/docs").status_code == 200
    assert "/v1/topics/{topic}" in sample_client.get("/openapi.json").json()["paths"]
