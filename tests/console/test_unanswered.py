"""Unanswered questions: grouped by language and likely topic; answered in one step (the topic
item's text, written and audited like an admin edit); suggested as training examples."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import select

from lookup.console.unanswered import group_questions
from lookup.settings import Settings
from lookup.store.models import AuditEntry, UnansweredQuestion
from lookup.store.models import Item as ItemRow
from tests.console.conftest import OFFICER, post_form, sign_in


@pytest.fixture
def client(sqlite_client: TestClient) -> TestClient:
    """SQLite, except for the one-step answer (a knowledge write), which runs on both."""
    return sqlite_client


@pytest.fixture
def officer_any_database(make_client: Callable[..., TestClient], settings: Settings) -> TestClient:
    client = make_client(settings)
    sign_in(client, OFFICER[0], OFFICER[1])
    return client


def stored_meal(client: TestClient, item_id: str) -> dict[str, Any]:
    """The meal item as stored (meals are for participants, so the console's client, which
    holds no admin token, reads the database rather than /v1)."""
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        row = session.scalars(
            select(ItemRow).where(ItemRow.kind == "topic", ItemRow.id == item_id)
        ).one()
        return dict(row.data)


def ask(client: TestClient, text: str, lang: str, intent: str | None = None) -> int:
    body = {
        "text": text,
        "language": lang,
        "intent": intent,
        "confidence": 0.3,
        "reason": "fallback",
    }
    response = client.post("/v1/unanswered", json=body)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def question(client: TestClient, question_id: int) -> UnansweredQuestion:
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        found = session.get(UnansweredQuestion, question_id)
        assert found is not None
        return found


def test_questions_group_by_language_in_the_exercises_order_then_by_topic() -> None:
    at = datetime(2027, 6, 2, tzinfo=timezone.utc)

    def q(lang: str, topic: str | None) -> UnansweredQuestion:
        return UnansweredQuestion(text="?", language=lang, topic=topic, at=at, reason="fallback")

    questions = [
        q("en", "meals"),
        q("ar", None),
        q("en", "laundry"),
        q("en", "meals"),
        q("ur", None),
        q("ar", "meals"),
    ]
    groups = group_questions(questions, ["fr", "en", "ar"])
    assert [lang for lang, _ in groups] == ["en", "ar", "ur"]
    english = dict(groups)["en"]
    assert [(topic, len(items)) for topic, items in english] == [("meals", 2), ("laundry", 1)]
    assert [topic for topic, _ in dict(groups)["ar"]] == ["meals", None]  # no topic last


def test_the_page_groups_questions_by_language_and_topic(officer: TestClient) -> None:
    ask(officer, "on mange quand ?", "fr", "ask_meal_times")
    ask(officer, "c'est où la cantine ce soir", "fr", "ask_meal_times")
    ask(officer, "وين خيمة الصلاة", "ar")
    ask(officer, "blorp", "en")
    page = officer.get("/console/unanswered").text
    sections = re.findall(r'<section class="lang-group" data-lang="(\w+)">', page)
    assert sections == ["fr", "en", "ar"]  # the test exercise lists fr, en, ar
    assert re.findall(r'data-topic="([\w]*)"', page) == ["meals", "", "prayer_facilities"]
    assert "2 questions" in page and 'dir="auto"' in page


def test_adding_an_answer_is_one_step_that_changes_the_topic_and_is_audited(
    officer_any_database: TestClient,
) -> None:
    officer = officer_any_database
    question_id = ask(officer, "le dîner est à quelle heure ?", "fr", "ask_meal_times")
    page = officer.get("/console/unanswered").text
    # The form proposes the guessed topic's item, prefilled with its current French text.
    assert '<option value="mess-tent" selected>' in page
    assert "La tente B sert les repas de 06h10 à 06h50." in page
    answer = "Le dîner est servi de 19h00 à 20h30 sous la tente B."
    saved = post_form(
        officer,
        f"/console/unanswered/{question_id}/answer",
        {"item_id": "mess-tent", "text": answer},
    )
    assert saved.status_code == 303
    mess = stored_meal(officer, "mess-tent")
    assert mess["text"]["fr"] == answer
    assert mess["updated_by"] == OFFICER[2]
    assert mess["text"]["en"] == "Mess tent B serves food 06:10-06:50."  # untouched
    with officer.app.state.session_factory() as session:  # type: ignore[attr-defined]
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        assert (entry.actor, entry.action, entry.item_id) == (OFFICER[2], "update", "mess-tent")
        assert entry.after is not None and entry.after["text"]["fr"] == answer
    stored = question(officer, question_id)
    assert (stored.resolved, stored.resolution, stored.resolved_by) == (True, "answer", OFFICER[2])
    # English is now older than French: the translation report says so.
    report = officer.get("/console/translations").text
    assert 'data-item="topic/mess-tent" data-path="text"' in report
    assert officer.get("/console/unanswered").text.count('class="question') == 0


def test_an_empty_answer_is_refused_and_changes_nothing(officer: TestClient) -> None:
    question_id = ask(officer, "dîner ?", "fr", "ask_meal_times")
    post_form(
        officer, f"/console/unanswered/{question_id}/answer", {"item_id": "mess-tent", "text": " "}
    )
    assert "The answer was not saved" in officer.get("/console/unanswered").text
    assert not question(officer, question_id).resolved
    assert stored_meal(officer, "mess-tent")["text"]["fr"] == (
        "La tente B sert les repas de 06h10 à 06h50."
    )


def test_a_question_can_be_suggested_as_a_training_example(
    officer: TestClient, sqlite_settings: Settings
) -> None:
    first = ask(officer, "on bouffe quand\nce soir ?", "fr", "ask_meal_times")
    second = ask(officer, "y a une laverie ?", "fr")
    for question_id, intent in [(first, "ask_meal_times"), (second, "ask_laundry")]:
        response = post_form(
            officer, f"/console/unanswered/{question_id}/training", {"intent": intent}
        )
        assert response.status_code == 303
    path = sqlite_settings.data_dir / "training-suggestions" / "fr.yml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["version"] == "3.1"
    assert [(entry["intent"], entry["examples"]) for entry in data["nlu"]] == [
        ("ask_meal_times", "- on bouffe quand ce soir ?\n"),
        ("ask_laundry", "- y a une laverie ?\n"),
    ]
    assert f"suggested by {OFFICER[2]}" in path.read_text(encoding="utf-8")
    assert question(officer, first).resolution == "training"
    assert (
        post_form(officer, f"/console/unanswered/{first}/training", {"intent": "x y"}).status_code
        == 303
    )
    assert len(yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]) == 2  # already resolved


def test_dismissed_questions_leave_the_list_but_stay_on_record(officer: TestClient) -> None:
    question_id = ask(officer, "qui a gagné le match ?", "fr")
    post_form(officer, f"/console/unanswered/{question_id}/dismiss")
    assert "qui a gagné le match" not in officer.get("/console/unanswered").text
    assert "qui a gagné le match" in officer.get("/console/unanswered?resolved=true").text
