"""Translation completeness: every text missing in a language, or older in one language than in
another (the report of GET /v1/translations/incomplete), with the texts side by side."""

from __future__ import annotations

from collections import defaultdict

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from lookup.api.deps import SessionDep
from lookup.api.translations import incomplete_translations
from lookup.console.web import CsrfChecked, StaffDep, exercise_or_none, render
from lookup.store.models import ItemText

router = APIRouter(prefix="/console", include_in_schema=False, dependencies=[CsrfChecked])


@router.get("/translations", response_class=HTMLResponse)
def translations_page(request: Request, session: SessionDep, staff: StaffDep) -> Response:
    exercise = exercise_or_none(request, session)
    report = incomplete_translations(exercise, session) if exercise else []
    texts: dict[tuple[str, str, str], dict[str, str]] = defaultdict(dict)
    if exercise is not None:
        statement = select(ItemText).where(ItemText.exercise_id == exercise.id)
        for text in session.scalars(statement):
            texts[(text.kind, text.item_id, text.path)][text.lang] = text.text
    return render(
        request,
        session,
        "translations.html",
        {"report": report, "texts": texts},
        staff=staff,
    )
