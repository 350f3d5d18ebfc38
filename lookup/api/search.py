"""Full-text search in any language, answered in the requested one."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query

from lookup.api.deps import ExerciseDep, LanguageDep, SessionDep
from lookup.api.views import localized
from lookup.packs.schema import MODEL_OF_KIND
from lookup.schemas import SearchHit, SearchResults
from lookup.search import search
from lookup.store.items import get_row

router = APIRouter(prefix="/v1", tags=["read"])


@router.get("/search", response_model=SearchResults)
def search_items(
    exercise: ExerciseDep,
    lang: LanguageDep,
    session: SessionDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words in any language")],
    kind: Annotated[list[str] | None, Query(description="Restrict to these kinds")] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
    mode: Annotated[
        Literal["question", "name"],
        Query(description="question: q is a whole message; name: q names one thing"),
    ] = "question",
) -> SearchResults:
    unknown = sorted(set(kind or []) - MODEL_OF_KIND.keys())
    if unknown:
        raise HTTPException(status_code=422, detail=f"unknown kind(s): {', '.join(unknown)}")
    hits = []
    for hit in search(session, exercise.id, q, kinds=kind, limit=limit, mode=mode):
        row = get_row(session, exercise.id, hit.kind, hit.item_id)
        if row is not None:
            hits.append(SearchHit(score=hit.score, item=localized(session, row, lang)))
    return SearchResults(exercise_id=exercise.id, query=q, lang=lang, hits=hits)
