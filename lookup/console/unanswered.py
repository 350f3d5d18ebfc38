"""Questions the bot could not answer, by language and likely topic: answer one in a step (the
topic item's text in that language, written like an admin API edit and audited with the
officer's name), suggest it as a training example, or dismiss it."""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from pathlib import Path
from typing import Annotated, Any

import yaml
from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from common.topics import TOPIC_FOR_INTENT
from lookup.api.deps import SessionDep
from lookup.console.i18n import translator
from lookup.console.paging import QUESTIONS_PER_PAGE, Pager
from lookup.console.web import (
    CsrfChecked,
    StaffDep,
    exercise_or_none,
    flash,
    language_name,
    redirect,
    render,
    ui_language,
)
from lookup.packs.schema import TopicItem
from lookup.row_ids import RowId
from lookup.settings import Settings
from lookup.store.items import get_row, now, rows_of_kind, write_item
from lookup.store.liaison import count_unanswered, resolve, unanswered
from lookup.store.models import Exercise, UnansweredQuestion
from lookup.visitor_text import clean

router = APIRouter(
    prefix="/console/unanswered", include_in_schema=False, dependencies=[CsrfChecked]
)
INTENT_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
INTENT_OF_TOPIC = {topic: intent for intent, topic in TOPIC_FOR_INTENT.items()}
NO_INTENT = {"nlu_fallback", "out_of_scope"}
_suggestions_lock = threading.Lock()


@router.get("", response_class=HTMLResponse)
def unanswered_page(
    request: Request,
    session: SessionDep,
    staff: StaffDep,
    resolved: bool = False,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    """The newest questions, a page at a time (QUESTIONS_PER_PAGE), grouped within the page."""
    lang = ui_language(request, staff)
    exercise = exercise_or_none(request, session)
    total = count_unanswered(session, include_resolved=resolved)
    params = {"resolved": "true"} if resolved else {}
    pager = Pager.of(page, QUESTIONS_PER_PAGE, total, "/console/unanswered", **params)
    questions = unanswered(
        session, include_resolved=resolved, limit=pager.per_page, offset=pager.offset
    )
    items = _topic_items(session, exercise, lang)
    return render(
        request,
        session,
        "unanswered.html",
        {
            "groups": group_questions(questions, exercise.languages if exercise else []),
            "show_resolved": resolved,
            "topic_label": _topic_labels(items),
            "items": items,
            "item_texts": {
                item["id"]: item["texts"] for topic_items in items.values() for item in topic_items
            },
            "default_item": lambda q: _default_item(items, q.topic),
            "intents": lambda q: _intents_for(q),
            "default_intent": _default_intent,
            "total": total,
            "pager": pager,
        },
        staff=staff,
    )


def group_questions(
    questions: list[UnansweredQuestion], languages: list[str]
) -> list[tuple[str, list[tuple[str | None, list[UnansweredQuestion]]]]]:
    """[(language, [(topic or None, questions newest first)])]: the exercise's languages in its
    order, then others; within one, topics with the most questions first, no topic last."""
    by_language: dict[str, dict[str | None, list[UnansweredQuestion]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for question in questions:
        by_language[question.language][question.topic].append(question)
    order = [lang for lang in languages if lang in by_language]
    order += sorted(set(by_language) - set(order))
    return [
        (
            lang,
            sorted(
                by_language[lang].items(),
                key=lambda pair: (pair[0] is None, -len(pair[1]), pair[0] or ""),
            ),
        )
        for lang in order
    ]


@router.post("/{question_id}/answer")
def add_answer(
    question_id: RowId,
    request: Request,
    session: SessionDep,
    staff: StaffDep,
    item_id: Annotated[str, Form(max_length=64)],
    text: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    """One step: the text becomes the topic item's text in the question's language."""
    question = _open_question(request, session, question_id)
    t = translator(ui_language(request, staff))
    exercise = exercise_or_none(request, session)
    if question is None:
        return redirect("/console/unanswered")
    if exercise is None:
        flash(request, "error", t("no_exercise"))
        return redirect("/console/unanswered")
    if question.language not in exercise.languages:
        flash(request, "error", t("language_not_in_exercise"))
        return redirect("/console/unanswered")
    row = get_row(session, exercise.id, "topic", item_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no topic item '{item_id}'")
    at = now()
    document = dict(row.data)
    texts = dict(document.get("text", {}))
    texts[question.language] = text.strip()
    try:
        # The admin API's validation and write path: who and when stamped, audited.
        item = TopicItem.model_validate(
            {
                **document,
                "text": texts,
                "last_updated": at.isoformat(),
                "updated_by": staff.display_name,
            }
        )
    except ValidationError as error:
        problem = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
        flash(request, "error", t("answer_invalid", problem=problem))
        return redirect(f"/console/unanswered#q{question.id}")
    write_item(session, exercise, "topic", item, actor=staff.display_name, action="update")
    resolve(session, question, staff.display_name, "answer", at)
    session.commit()
    lang = ui_language(request, staff)
    title = item.title.get(lang) or item.id
    flash(
        request,
        "ok",
        t("answer_saved", item=title, language=language_name(question.language, lang)),
    )
    return redirect("/console/unanswered")


@router.post("/{question_id}/training")
def suggest_training(
    question_id: RowId,
    request: Request,
    session: SessionDep,
    staff: StaffDep,
    intent: Annotated[str, Form(max_length=64)],
) -> Response:
    """Append the question to <data_dir>/training-suggestions/<lang>.yml (Rasa NLU format)."""
    question = _open_question(request, session, question_id)
    if question is None:
        return redirect("/console/unanswered")
    if not INTENT_NAME.match(intent):
        raise HTTPException(status_code=422, detail="an intent name is lower-case, digits and _")
    settings: Settings = request.app.state.settings
    path = append_training_example(
        settings.data_dir,
        question.language,
        intent,
        question.text,
        note=f"suggested by {staff.display_name} on {now():%Y-%m-%d %H:%M} UTC "
        f"(unanswered question {question.id}, intent guess {question.intent or 'none'})",
    )
    resolve(session, question, staff.display_name, "training", now())
    session.commit()
    t = translator(ui_language(request, staff))
    flash(request, "ok", t("training_saved", path=path.relative_to(settings.data_dir)))
    return redirect("/console/unanswered")


@router.post("/{question_id}/dismiss")
def dismiss(question_id: RowId, request: Request, session: SessionDep, staff: StaffDep) -> Response:
    question = _open_question(request, session, question_id)
    if question is not None:
        resolve(session, question, staff.display_name, "dismissed", now())
        session.commit()
        flash(request, "ok", translator(ui_language(request, staff))("dismissed"))
    return redirect("/console/unanswered")


class _Examples(str):
    """Rasa's `examples: |` block, written as a YAML literal block when it can be one."""


class _SuggestionDumper(yaml.SafeDumper):
    pass


_SuggestionDumper.add_representer(
    _Examples,
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|"),
)


def append_training_example(data_dir: Path, lang: str, intent: str, text: str, note: str) -> Path:
    """One `- intent: ... examples: |` entry per suggestion; the file stays valid Rasa NLU YAML
    (an intent may appear in several entries) for the team to review and move to data/nlu/.
    Written by a YAML dumper, never by string formatting, and without control or format
    characters (an escape character once made the whole file unparsable)."""
    if not re.fullmatch(r"[a-z]{2,3}", lang):
        raise ValueError(f"not a language code: {lang!r}")
    if not INTENT_NAME.match(intent):
        raise ValueError(f"not an intent name: {intent!r}")
    folder = data_dir / "training-suggestions"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{lang}.yml"
    # One line (Rasa reads one example per "- " line): every kind of line break becomes a space
    # before the control characters go.
    example = " ".join(clean(" ".join(text.split())).split())
    note = " ".join(clean(" ".join(note.split())).split())
    entry = yaml.dump(
        [{"intent": intent, "examples": _Examples(f"- {example}\n")}],
        Dumper=_SuggestionDumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
    )
    with _suggestions_lock:
        new = not path.exists() or path.stat().st_size == 0
        with path.open("a", encoding="utf-8") as suggestions:
            if new:
                suggestions.write(
                    "# Training examples suggested from the liaison console: review them, then\n"
                    f"# move the good ones to data/nlu/{lang}/ (and retrain).\n"
                    'version: "3.1"\nnlu:\n'
                )
            suggestions.write(f"# {note}\n{entry}")
    return path


def _open_question(
    request: Request, session: Session, question_id: int
) -> UnansweredQuestion | None:
    question = session.get(UnansweredQuestion, question_id)
    if question is None:
        raise HTTPException(status_code=404, detail=f"no unanswered question {question_id}")
    if question.resolved:
        flash(request, "warning", translator(ui_language(request))("already_resolved"))
        return None
    return question


def _topic_items(
    session: Session, exercise: Exercise | None, lang: str
) -> dict[str, list[dict[str, Any]]]:
    """topic -> its items (id, title in the console's language, texts by language)."""
    if exercise is None:
        return {}
    items: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows_of_kind(session, exercise.id, "topic"):
        titles = row.data.get("title", {})
        title = titles.get(lang) or next(iter(titles.values()), row.id)
        items[row.topic or ""].append(
            {"id": row.id, "title": title, "texts": row.data.get("text", {})}
        )
    return dict(items)


def _topic_labels(items: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    return {topic: entries[0]["title"] for topic, entries in items.items() if entries}


def _default_item(items: dict[str, list[dict[str, Any]]], topic: str | None) -> str | None:
    if topic and items.get(topic):
        return str(items[topic][0]["id"])
    return next((str(entries[0]["id"]) for entries in items.values() if entries), None)


def _intents_for(question: UnansweredQuestion) -> list[str]:
    intents = set(TOPIC_FOR_INTENT)
    if question.intent and question.intent not in NO_INTENT and INTENT_NAME.match(question.intent):
        intents.add(question.intent)
    return sorted(intents)


def _default_intent(question: UnansweredQuestion) -> str:
    if question.intent and question.intent not in NO_INTENT:
        return question.intent
    return INTENT_OF_TOPIC.get(question.topic or "", "")
