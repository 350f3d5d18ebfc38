from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lookup.packs.schema import TOPICS
from tests.lookup.conftest import AS_ADMIN
from tests.packs import SAMPLE_PACK, other_pack, read_pack, topic_text, write_pack

SAMPLE = read_pack(SAMPLE_PACK)
OTHER = other_pack()


# These tests are about what the service answers, so they read as the liaison team (staff tier,
# every item); what each tier may read is tests/lookup/test_audiences.py's.
CLIENT_HEADERS = AS_ADMIN


def test_health_reports_service_database_and_exercise(other_client: TestClient) -> None:
    response = other_client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "exercise": "test-oasis-99"}


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_topic_answers_in_the_requested_language_in_pack_order(
    other_client: TestClient, lang: str
) -> None:
    body = other_client.get("/v1/topics/meals", params={"lang": lang}).json()
    assert body["lang"] == lang
    assert [item["fields"]["text"] for item in body["items"]] == topic_text(OTHER, "meals", lang)
    first = body["items"][0]
    # Freshness: 08:15 at +02:00 is 06:15 UTC.
    assert first["last_updated"].startswith("2026-05-02T06:15:00")
    assert first["updated_by"] == "Lt. A. Test"
    assert first["missing_translations"] == []


def test_sample_pack_answers_every_topic_in_every_language(sample_client: TestClient) -> None:
    for topic in TOPICS:
        for lang in SAMPLE["exercise"]["languages"]:
            response = sample_client.get(f"/v1/topics/{topic}", params={"lang": lang})
            assert response.status_code == 200, (topic, lang, response.text)
            got = [item["fields"]["text"] for item in response.json()["items"]]
            assert got == topic_text(SAMPLE, topic, lang)


def test_a_missing_text_is_null_and_the_languages_that_have_it_are_offered(
    client_for: Callable[..., TestClient], tmp_path: Path
) -> None:
    """Never filled in from another language (issue 21): the text is null, its path listed, and
    `available_in` names the exercise's languages that have every missing text, in its order."""
    pack = other_pack()
    pack["exercise"]["languages"] = ["fr", "en", "ar", "ur"]
    del pack["topics"][0]["text"]["fr"]  # mess-tent: no French text; its title is in all three
    client = client_for(write_pack(tmp_path / "gaps.yml", pack))
    for lang, offered in (("fr", ["en", "ar"]), ("ur", ["en", "ar"]), ("en", [])):
        body = client.get("/v1/topics/meals", params={"lang": lang}).json()
        first = body["items"][0]
        assert first["id"] == "mess-tent"
        assert first["available_in"] == offered, lang
        if lang == "en":
            assert first["fields"]["text"] == pack["topics"][0]["text"]["en"]
            assert first["missing_translations"] == []
            continue
        assert first["fields"]["text"] is None  # not the English or Arabic text
        assert "text" in first["missing_translations"]
    # Above, mess-tent in Urdu lacks a text French lacks too: French is not offered. The next
    # item lacks only its Urdu texts: every other language of the exercise is.
    body = client.get("/v1/topics/meals", params={"lang": "ur"}).json()
    assert body["items"][1]["id"] == "field-kitchen"
    assert body["items"][1]["available_in"] == ["fr", "en", "ar"]


def test_exercise_overview_in_one_language(other_client: TestClient) -> None:
    body = other_client.get("/v1/exercise", params={"lang": "ar"}).json()
    assert body["fields"]["name"] == OTHER["exercise"]["name"]["ar"]
    assert body["fields"]["languages"] == ["fr", "en", "ar"]
    assert [n["name"] for n in body["fields"]["nations"]] == [
        n["name"]["ar"] for n in OTHER["exercise"]["nations"]
    ]


def test_events_by_local_day_carry_their_venue_and_dress(other_client: TestClient) -> None:
    on_day = other_client.get("/v1/events", params={"lang": "fr", "on": "2027-06-02"}).json()
    [event] = on_day["items"]
    assert event["fields"]["title"] == OTHER["events"][0]["title"]["fr"]
    assert event["related"]["venue"]["fields"]["name"] == OTHER["venues"][0]["name"]["fr"]
    assert event["related"]["dress"]["fields"]["name"] == OTHER["dress_codes"][0]["name"]["fr"]
    other_day = other_client.get("/v1/events", params={"lang": "fr", "on": "2027-06-01"}).json()
    assert other_day["items"] == []


def test_items_of_a_kind_and_one_item(other_client: TestClient) -> None:
    ranks = other_client.get("/v1/items/rank", params={"lang": "en"}).json()["items"]
    assert ranks[0]["fields"]["code"] == "OF-2"
    assert ranks[0]["fields"]["titles"]["hst"] == [OTHER["ranks"][0]["titles"]["hst"][0]["en"]]
    contact = other_client.get("/v1/items/contact/desk", params={"lang": "ar"}).json()
    assert contact["fields"]["name"] == OTHER["contacts"][0]["name"]["ar"]
    assert contact["fields"]["phone"] == OTHER["contacts"][0]["phone"]
    missing = other_client.get("/v1/items/contact/nobody", params={"lang": "ar"})
    assert missing.status_code == 404
    assert other_client.get("/v1/items/spaceship", params={"lang": "ar"}).status_code == 404


@pytest.mark.parametrize(
    "query,expected",
    [
        ("Well Square", "well-square"),
        ("place du puits", "well-square"),  # French, accents dropped
        ("ساحة البئر", "well-square"),
        ("سَاحَة البِئْر", "well-square"),  # with diacritics
        ("well sqare", "well-square"),  # a typo
        ("lever des couleurs", "raising"),
        ("capitaine", "of-2"),
        ("نقيب", "of-2"),
        ("c'est quoi l'équivalent du grade نقيب chez vous ?", "of-2"),  # a whole question
        ("where's the flag raising happening tomorrow?", "raising"),
        ("bureau liaison", "desk"),
    ],
)
def test_search_tolerates_how_people_type(
    other_client: TestClient, query: str, expected: str
) -> None:
    body = other_client.get("/v1/search", params={"q": query, "lang": "en"}).json()
    assert body["hits"], query
    assert body["hits"][0]["item"]["id"] == expected
    assert body["hits"][0]["item"]["lang"] == "en"


def test_search_normalises_arabic_letter_variants(
    client_for: Callable[..., TestClient], tmp_path: Path
) -> None:
    pack = other_pack()
    pack["venues"][0]["name"]["ar"] = "قاعة الإجتماعات الكبرى"
    client = client_for(write_pack(tmp_path / "p.yml", pack))
    for query in ("قاعه الاجتماعات", "قاعة الأجتماعات", "القاعة الاجتماعات الكبري"):
        hits = client.get("/v1/search", params={"q": query, "lang": "ar"}).json()["hits"]
        assert hits and hits[0]["item"]["id"] == "well-square", query


def test_a_name_must_match_by_majority(other_client: TestClient) -> None:
    def hits(q: str, mode: str) -> list:
        params = {"q": q, "lang": "en", "mode": mode}
        return other_client.get("/v1/search", params=params).json()["hits"]

    # As a name, "gym square" is something else than Well Square ...
    assert hits("gym square", "name") == []
    assert hits("well square", "name")[0]["item"]["id"] == "well-square"
    # ... while in a whole question, words the exercise never uses are filler.
    assert hits("gym square", "question")[0]["item"]["id"] == "well-square"


def test_search_restricted_to_kinds_and_nothing_for_nonsense(other_client: TestClient) -> None:
    body = other_client.get("/v1/search", params={"q": "puits", "lang": "en", "kind": "event"})
    assert body.json()["hits"] == []
    body = other_client.get("/v1/search", params={"q": "zzqx blorp", "lang": "en"})
    assert body.json()["hits"] == []
    bad = other_client.get("/v1/search", params={"q": "x", "lang": "en", "kind": "ufo"})
    assert bad.status_code == 422


def test_unknown_topic_is_404_naming_it(other_client: TestClient) -> None:
    response = other_client.get("/v1/topics/submarines", params={"lang": "en"})
    assert response.status_code == 404
    assert "submarines" in response.json()["detail"]


def test_topic_the_exercise_lacks_is_404(other_client: TestClient) -> None:
    response = other_client.get("/v1/topics/laundry", params={"lang": "en"})
    assert response.status_code == 404
    assert "nothing on topic 'laundry'" in response.json()["detail"]


def test_language_outside_the_exercise_is_422_listing_the_languages(
    other_client: TestClient,
) -> None:
    response = other_client.get("/v1/topics/meals", params={"lang": "de"})
    assert response.status_code == 422
    assert "fr, en, ar" in response.json()["detail"]


def test_a_language_the_assistant_speaks_is_answered_with_what_no_language_changes(
    other_client: TestClient,
) -> None:
    # The second exercise has no Urdu: an Urdu visitor's question used to be a 422, so every
    # answer was "I don't have that". Now the event's time comes back, its title is missing
    # (never filled in from another language) and the languages that have it are named.
    body = other_client.get("/v1/events", params={"lang": "ur"}).json()
    [event] = body["items"]
    assert event["fields"]["start"].startswith("2027-06-02T07:00")
    assert event["fields"]["title"] is None and "title" in event["missing_translations"]
    assert event["available_in"] == ["fr", "en", "ar"]
    found = other_client.get("/v1/search", params={"lang": "ur", "q": "فلیگ ریزنگ"}).json()
    assert [hit["item"]["id"] for hit in found["hits"]] == ["raising"]
    [medic] = other_client.get("/v1/topics/emergency_contacts", params={"lang": "ur"}).json()[
        "items"
    ]
    assert medic["fields"]["text"] is None and medic["available_in"] == ["fr", "en", "ar"]


def test_a_briefing_is_still_only_in_the_exercise_languages(other_client: TestClient) -> None:
    assert other_client.get("/v1/briefings/gst", params={"lang": "ur"}).status_code == 422


@pytest.mark.parametrize("params", [{}, {"lang": "ENGLISH"}, {"lang": "e"}])
def test_missing_or_malformed_language_is_422(other_client: TestClient, params: dict) -> None:
    assert other_client.get("/v1/topics/meals", params=params).status_code == 422


def test_without_an_exercise_reads_say_how_to_load_one(
    client_for: Callable[..., TestClient],
) -> None:
    client = client_for()
    health = client.get("/health")
    assert (health.status_code, health.json()["exercise"]) == (200, None)
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
    # The health check says so too, rather than "ok" while every lookup answers 404.
    health = ambiguous.get("/health")
    assert health.status_code == 503
    assert "LIAISON_EXERCISE_ID" in health.json()["status"]
    assert health.json()["exercise"] is None
    assert client_for(exercise_id="not-loaded-1").get("/health").status_code == 503
    chosen = client_for(exercise_id="test-oasis-99")
    items = chosen.get("/v1/topics/meals", params={"lang": "en"}).json()["items"]
    assert [i["fields"]["text"] for i in items] == topic_text(OTHER, "meals", "en")


def test_the_openapi_spec_is_served_and_the_docs_page_is_off(other_client: TestClient) -> None:
    assert other_client.get("/docs").status_code == 404  # LIAISON_DOCS=1 turns it on
    paths = other_client.get("/openapi.json").json()["paths"]
    assert {"/v1/topics/{topic}", "/v1/search", "/v1/admin/items/{kind}/{item_id}"} <= set(paths)
