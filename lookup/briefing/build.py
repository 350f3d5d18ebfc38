"""Build one output — briefing, smart card, quiz page or printable quiz — as HTML or PDF, with
progress reported step by step (the CLI prints it; the API ignores it)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from common.topics import PARTICIPANTS
from lookup.briefing.errors import BriefingError
from lookup.briefing.facts import Facts, gather
from lookup.briefing.labels import labels_for
from lookup.briefing.quiz import DEFAULT_PASS_MARK, DEFAULT_QUESTIONS, Quiz, build_quiz
from lookup.briefing.render import render

KINDS = ("briefing", "card", "quiz", "quiz-sheet")
FORMATS = ("html", "pdf")
MEDIA_TYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}
# The card must fit one page: if it does not at full size, the type shrinks step by step.
CARD_SCALES = (1.0, 0.92, 0.85, 0.78, 0.7, 0.62)

Progress = Callable[[str], None]


@dataclass
class Output:
    content: bytes
    media_type: str
    filename: str
    facts: Facts
    quiz: Quiz | None = None
    pages: int | None = None
    scale: float = 1.0
    timings: dict[str, float] = field(default_factory=dict)


class _Steps:
    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total = total
        self.done = 0
        self.progress = progress
        self.started = time.perf_counter()
        self.timings: dict[str, float] = {}
        self._step_started = self.started

    def begin(self, message: str) -> None:
        self.done += 1
        self._step_started = time.perf_counter()
        if self.progress:
            self.progress(f"[{self.done}/{self.total}] {message} ...")

    def end(self, name: str) -> None:
        self.timings[name] = time.perf_counter() - self._step_started


def build(
    session: Session,
    *,
    audience: str,
    lang: str,
    kind: str = "briefing",
    fmt: str = "html",
    exercise_id: str | None = None,
    pass_mark: int = DEFAULT_PASS_MARK,
    questions: int = DEFAULT_QUESTIONS,
    progress: Progress | None = None,
    now: datetime | None = None,
    edition: str = PARTICIPANTS,
) -> Output:
    if kind not in KINDS:
        raise BriefingError(f"no kind '{kind}'; kinds are: {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise BriefingError(f"no format '{fmt}'; formats are: {', '.join(FORMATS)}")
    if kind == "quiz" and fmt == "pdf":
        raise BriefingError("the quiz page runs in a browser (html); print quiz-sheet instead")
    if not 0 <= pass_mark <= 100:
        raise BriefingError("the pass mark is a percentage, 0 to 100")
    if not 1 <= questions <= 50:
        raise BriefingError("a quiz has 1 to 50 questions")
    audience = audience.lower()
    steps = _Steps(4 if fmt == "pdf" else 2, progress)

    steps.begin(f"reading the exercise knowledge ({audience}, {lang})")
    facts = gather(
        session, audience=audience, lang=lang, exercise_id=exercise_id, now=now, edition=edition
    )
    labels = labels_for(lang)
    quiz = None
    if kind in ("quiz", "quiz-sheet"):
        quiz = build_quiz(facts, labels, questions=questions, pass_mark=pass_mark)
    steps.end("gather")

    name = f"{facts.exercise_id}-{kind}-{audience}-{lang}.{fmt}"
    steps.begin(f"rendering the {kind} as HTML")
    html = render(kind, facts, labels, quiz=quiz)
    steps.end("html")
    if fmt == "html":
        return Output(html.encode(), MEDIA_TYPES["html"], name, facts, quiz, timings=steps.timings)

    from lookup.briefing.pdf import layout, write  # WeasyPrint loads only when a PDF is wanted

    steps.begin("laying out the pages (PDF)")
    scale = 1.0
    document = layout(html)
    if kind == "card":
        for smaller in CARD_SCALES[1:]:
            if len(document.pages) <= 1:
                break
            scale = smaller
            document = layout(render(kind, facts, labels, quiz=quiz, scale=scale))
    steps.end("layout")
    pages = len(document.pages)
    steps.begin(f"writing {pages} page(s)")
    pdf = write(document)
    steps.end("write")
    return Output(pdf, MEDIA_TYPES["pdf"], name, facts, quiz, pages, scale, timings=steps.timings)
