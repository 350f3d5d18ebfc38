"""Trainers' briefings, smart cards and quizzes for one visiting nation, built from the served
exercise's knowledge at request time (so an admin edit shows in the next one)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, HTTPException, Query, Response
from pydantic import BaseModel, Field

from lookup.api.deps import ExerciseDep, LanguageDep, SessionDep
from lookup.briefing.build import Output, build
from lookup.briefing.errors import (
    BriefingError,
    LanguageNotAvailable,
    UnknownAudience,
    UnknownExercise,
)
from lookup.briefing.quiz import DEFAULT_PASS_MARK, DEFAULT_QUESTIONS, score

router = APIRouter(
    prefix="/v1/briefings",
    tags=["briefings"],
    responses={
        404: {"description": "Not a visiting nation of the exercise (the valid ones are listed)"},
        422: {"description": "Language not one of the exercise's, or bad parameters"},
    },
)
Format = Annotated[
    Literal["html", "pdf"], Query(alias="format", description="html, or pdf to print")
]
Edition = Annotated[
    Literal["public", "participants"],
    Query(
        description="public (default: etiquette, culture, phrases, ranks, emergency numbers; for "
        "anyone) or participants (with logistics, venues, events and contacts: for enrolled "
        "participants only, issue 19)"
    ),
]
PassMark = Annotated[int, Query(ge=0, le=100, description="Percent needed to pass")]
Questions = Annotated[int, Query(ge=1, le=50, description="How many questions")]
DOCUMENT: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/html": {}, "application/pdf": {}},
        "description": "The document, HTML or PDF",
    }
}


class QuizAnswers(BaseModel):
    answers: dict[str, int | None] = Field(
        description='Index of the chosen answer by question id, e.g. {"q1": 2, "q2": 0}'
    )


class QuizScore(BaseModel):
    correct: int
    total: int
    percent: int
    passed: bool
    pass_mark: int


@router.get("/{audience}", response_class=Response, responses=DOCUMENT)
def briefing(
    audience: str,
    exercise: ExerciseDep,
    lang: LanguageDep,
    session: SessionDep,
    fmt: Format = "html",
    edition: Edition = "public",
) -> Response:
    """The full cultural briefing: the exercise at a glance, logistics, protocol, etiquette, key
    phrases and contacts, each section with the date its facts were last updated."""
    return _document(_build(session, exercise.id, audience, lang, "briefing", fmt, edition=edition))


@router.get("/{audience}/card", response_class=Response, responses=DOCUMENT)
def card(
    audience: str,
    exercise: ExerciseDep,
    lang: LanguageDep,
    session: SessionDep,
    fmt: Format = "html",
    edition: Edition = "public",
) -> Response:
    """The one-page smart card (A4 landscape, folds to A5): dos and don'ts, key phrases,
    emergency contacts."""
    return _document(_build(session, exercise.id, audience, lang, "card", fmt, edition=edition))


@router.get("/{audience}/quiz", response_class=Response, responses=DOCUMENT)
def quiz_page(
    audience: str,
    exercise: ExerciseDep,
    lang: LanguageDep,
    session: SessionDep,
    pass_mark: PassMark = DEFAULT_PASS_MARK,
    questions: Questions = DEFAULT_QUESTIONS,
    edition: Edition = "public",
) -> Response:
    """The quiz page a trainer runs: it checks the answers and shows the score against the pass
    mark (no network needed once loaded)."""
    output = _build(
        session, exercise.id, audience, lang, "quiz", "html", pass_mark, questions, edition
    )
    return _document(output)


@router.get("/{audience}/quiz-sheet", response_class=Response, responses=DOCUMENT)
def quiz_sheet(
    audience: str,
    exercise: ExerciseDep,
    lang: LanguageDep,
    session: SessionDep,
    fmt: Format = "html",
    pass_mark: PassMark = DEFAULT_PASS_MARK,
    questions: Questions = DEFAULT_QUESTIONS,
    edition: Edition = "public",
) -> Response:
    """The quiz on paper, with the answer key on a page of its own."""
    output = _build(
        session, exercise.id, audience, lang, "quiz-sheet", fmt, pass_mark, questions, edition
    )
    return _document(output)


@router.post("/{audience}/quiz/score", response_model=QuizScore)
def quiz_score(
    audience: str,
    exercise: ExerciseDep,
    lang: LanguageDep,
    session: SessionDep,
    body: Annotated[QuizAnswers, Body()],
    pass_mark: PassMark = DEFAULT_PASS_MARK,
    questions: Questions = DEFAULT_QUESTIONS,
    edition: Edition = "public",
) -> QuizScore:
    """Score answers to the quiz with the same parameters (the page does the same itself)."""
    output = _build(
        session, exercise.id, audience, lang, "quiz", "html", pass_mark, questions, edition
    )
    assert output.quiz is not None
    result = score(output.quiz, body.answers)
    return QuizScore(**asdict(result))


def _build(
    session: SessionDep,
    exercise_id: str,
    audience: str,
    lang: str,
    kind: str,
    fmt: str,
    pass_mark: int = DEFAULT_PASS_MARK,
    questions: int = DEFAULT_QUESTIONS,
    edition: str = "public",
) -> Output:
    try:
        return build(
            session,
            audience=audience,
            lang=lang,
            kind=kind,
            fmt=fmt,
            exercise_id=exercise_id,
            pass_mark=pass_mark,
            questions=questions,
            edition=edition,
        )
    except (UnknownAudience, UnknownExercise) as error:
        raise HTTPException(status_code=404, detail=str(error)) from error
    except (LanguageNotAvailable, BriefingError) as error:
        raise HTTPException(status_code=422, detail=str(error)) from error


def _document(output: Output) -> Response:
    return Response(
        content=output.content,
        media_type=output.media_type,
        headers={"Content-Disposition": f'inline; filename="{output.filename}"'},
    )
