"""Full-text search in any language, answered in the requested one."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query

from lookup.api.deps import AnswerLanguageDep, ExerciseDep, SessionDep, TierDep
from lookup.api.exercise import AtQuery
from lookup.api.views import local_day, localized
from lookup.packs.schema import MODEL_OF_KIND
from lookup.schemas import SearchHit, SearchResults
from lookup.search import search_explained
from lookup.store.items import readable, rows_by_key

router = APIRouter(prefix="/v1", tags=["read"])


@router.get("/search", response_model=SearchResults)
def search_items(
    exercise: ExerciseDep,
    lang: AnswerLanguageDep,
    session: SessionDep,
    tier: TierDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words in any language")],
    kind: Annotated[list[str] | None, Query(description="Restrict to these kinds")] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
    mode: Annotated[
        Literal["question", "name"],
        Query(description="question: q is a whole message; name: q names one thing"),
    ] = "question",
    at: AtQuery = None,
) -> SearchResults:
    unknown = sorted(set(kind or []) - MODEL_OF_KIND.keys())
    if unknown:
        raise HTTPException(status_code=422, detail=f"unknown kind(s): {', '.join(unknown)}")
    hits: list[SearchHit] = []
    withheld = 0
    day = local_day(at, exercise.time_zone)
    # Matches the asker may not read are dropped before the limit, so they neither show nor
    # crowd out the ones they may (the search ranks at most 50 anyway).
    found, unmatched = search_explained(session, exercise.id, q, kinds=kind, limit=50, mode=mode)
    rows = rows_by_key(session, exercise.id, [(hit.kind, hit.item_id) for hit in found])
    for hit in found:
        row = rows.get((hit.kind, hit.item_id))
        if row is None:
            continue
        if not readable(row, tier):
            withheld += 1
        elif len(hits) < limit:
            item = localized(session, row, lang, tier=tier, day=day)
            hits.append(SearchHit(score=hit.score, coverage=hit.coverage, item=item))
    return SearchResults(
        exercise_id=exercise.id,
        query=q,
        lang=lang,
        hits=hits,
        withheld=withheld,
        unmatched=unmatched,
    )
