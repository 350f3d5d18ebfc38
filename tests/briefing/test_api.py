"""The lookup service's briefing routes: the right media types, errors that list what works, and
an admin edit showing in the next briefing (on SQLite and on PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lookup.app import create_app
from lookup.briefing.labels import labels_for
from lookup.packs.importer import import_pack
from lookup.packs.loader import load_pack
from lookup.settings import Settings
from tests.packs import SAMPLE_PACK, read_pack

SAMPLE = read_pack(SAMPLE_PACK)
TOKEN = "briefing-test-token-0123456789"
PARTNERS = [n["code"] for n in SAMPLE["exercise"]["nations"] if n["role"] == "partner"]


@pytest.fixture
def client_on(tmp_path: Path) -> Iterator[Callable[[str | None], TestClient]]:
    clients: list[TestClient] = []

    def make(database_url: str | None) -> TestClient:
        settings = Settings(
            data_dir=tmp_path / "data", database_url=database_url, admin_tokens=f"trainer:{TOKEN}"
        )
        app = create_app(settings)
        import_pack(app.state.session_factory, load_pack(SAMPLE_PACK).pack)
        # Briefings are /v1 reads: a trainer fetches them with an admin token.
        client = TestClient(app, headers={"Authorization": f"Bearer {TOKEN}"})
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
        client.app.state.engine.dispose()  # type: ignore[attr-defined]


def test_routes_answer_html_and_pdf(client_on: Callable[[str | None], TestClient]) -> None:
    client = client_on(None)
    audience = PARTNERS[0]
    for path, kind in [("", "briefing"), ("/card", "card"), ("/quiz-sheet", "quiz-sheet")]:
        page = client.get(f"/v1/briefings/{audience}{path}", params={"lang": "fr"})
        assert page.status_code == 200, page.text
        assert page.headers["content-type"] == "text/html; charset=utf-8"
        assert f'{kind}-{audience}-fr.html"' in page.headers["content-disposition"]
        assert page.text.startswith("<!doctype html>") and '<html lang="fr" dir="ltr">' in page.text
    pdf = client.get(f"/v1/briefings/{audience}/card", params={"lang": "ar", "format": "pdf"})
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")

    quiz = client.get(f"/v1/briefings/{audience}/quiz", params={"lang": "en", "pass_mark": 80})
    assert quiz.status_code == 200 and "<script>" in quiz.text
    assert 'data-pass-mark="80"' in quiz.text
    assert "http://" not in quiz.text and "https://" not in quiz.text  # nothing fetched
    assert labels_for("en")["right"] not in quiz.text.split('id="quiz-texts"')[0]


def test_quiz_answers_are_scored(client_on: Callable[[str | None], TestClient]) -> None:
    client = client_on(None)
    url = f"/v1/briefings/{PARTNERS[0]}/quiz/score"
    none = client.post(url, params={"lang": "en"}, json={"answers": {}})
    assert none.status_code == 200
    assert none.json() == {
        "correct": 0,
        "total": 10,
        "percent": 0,
        "passed": False,
        "pass_mark": 70,
    }


def test_errors_list_what_works(client_on: Callable[[str | None], TestClient]) -> None:
    client = client_on(None)
    unknown = client.get("/v1/briefings/zzz", params={"lang": "en"})
    assert unknown.status_code == 404
    assert all(code in unknown.json()["detail"] for code in PARTNERS)
    language = client.get(f"/v1/briefings/{PARTNERS[0]}", params={"lang": "de"})
    assert language.status_code == 422 and "ar, en, fr" in language.json()["detail"]
    mark = client.get(f"/v1/briefings/{PARTNERS[0]}/quiz", params={"lang": "en", "pass_mark": 101})
    assert mark.status_code == 422
    fmt = client.get(f"/v1/briefings/{PARTNERS[0]}", params={"lang": "en", "format": "doc"})
    assert fmt.status_code == 422


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_an_admin_edit_shows_in_the_next_briefing(
    backend: str, client_on: Callable[[str | None], TestClient], request: pytest.FixtureRequest
) -> None:
    from tests.postgres import fresh_database

    url = fresh_database(request.getfixturevalue("postgres_url")) if backend != "sqlite" else None
    client = client_on(url)
    guideline = SAMPLE["guidelines"][0]["id"]
    new = "Offrez le café de la main droite (texte modifié)."
    edit = client.patch(
        f"/v1/admin/items/guideline/{guideline}",
        headers={"Authorization": f"Bearer {TOKEN}"},
        json={"text": {"fr": new}},
    )
    assert edit.status_code == 200, edit.text
    page = client.get(f"/v1/briefings/{PARTNERS[0]}", params={"lang": "fr"})
    assert new in page.text
    # And the briefing's date for that section moves with it.
    stamp = edit.json()["last_updated"][:10]
    assert stamp.split("-")[0] in page.text.split('id="etiquette"')[1].split("</p>")[0]
