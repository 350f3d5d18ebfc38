"""A short multiple-choice quiz built from the same facts as the briefing, and its scoring.

Questions come from ranks (codes and equivalents), events (dress, place, day), flag order, dos
and don'ts (which, and why) and key phrases. Which questions are chosen, and the order of their
choices, depend only on the exercise and the audience, so the quiz is the same in every language
(a question whose texts are missing in the language is left out) and the printed sheet matches
the answer key and the page a trainer runs.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from bot.briefing.facts import Entry, Facts
from bot.briefing.formatting import Formatter

DEFAULT_PASS_MARK = 70
DEFAULT_QUESTIONS = 10
MAX_CHOICES = 4


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    choices: tuple[str, ...]
    answer: int  # index into choices
    section: str  # label key of the briefing (sub)section that teaches it


@dataclass(frozen=True)
class Quiz:
    questions: tuple[Question, ...]
    pass_mark: int  # percent

    @property
    def needed(self) -> int:
        """Correct answers needed to pass."""
        return math.ceil(self.pass_mark * len(self.questions) / 100)


@dataclass(frozen=True)
class Score:
    correct: int
    total: int
    percent: int
    passed: bool
    pass_mark: int


@dataclass(frozen=True)
class _Candidate:
    key: str  # language-independent: decides selection and choice order
    prompt: str | None
    correct: str | None
    distractors: list[str | None]
    section: str


def build_quiz(
    facts: Facts,
    labels: Mapping[str, Any],
    *,
    questions: int = DEFAULT_QUESTIONS,
    pass_mark: int = DEFAULT_PASS_MARK,
) -> Quiz:
    if not 0 <= pass_mark <= 100:
        raise ValueError("the pass mark is a percentage, 0 to 100")
    seed = f"{facts.exercise_id}/{facts.audience.code}"
    fmt = Formatter(facts.lang)
    pools: list[list[_Candidate]] = []
    for generator in GENERATORS:
        usable = sorted(
            (c for c in generator(facts, labels, fmt) if _usable(c)), key=lambda c: c.key
        )
        random.Random(f"{seed}/{generator.__name__}").shuffle(usable)
        pools.append(usable)
    chosen: list[_Candidate] = []
    while len(chosen) < questions and any(pools):
        for pool in pools:
            if pool and len(chosen) < questions:
                chosen.append(pool.pop(0))
    built = []
    for number, candidate in enumerate(chosen, start=1):
        rng = random.Random(f"{seed}/{candidate.key}")
        distractors = _distinct(candidate.distractors, candidate.correct)
        picked = rng.sample(distractors, min(len(distractors), MAX_CHOICES - 1))
        choices = [candidate.correct, *picked]
        rng.shuffle(choices)
        built.append(
            Question(
                id=f"q{number}",
                prompt=candidate.prompt,  # type: ignore[arg-type]
                choices=tuple(choices),  # type: ignore[arg-type]
                answer=choices.index(candidate.correct),
                section=candidate.section,
            )
        )
    return Quiz(tuple(built), pass_mark)


def score(quiz: Quiz, answers: Mapping[str, int | None]) -> Score:
    """Answers are choice indexes by question id; a missing or unknown answer is wrong."""
    correct = sum(1 for q in quiz.questions if answers.get(q.id) == q.answer)
    total = len(quiz.questions)
    return Score(
        correct=correct,
        total=total,
        percent=round(100 * correct / total) if total else 0,
        passed=total > 0 and correct * 100 >= quiz.pass_mark * total,
        pass_mark=quiz.pass_mark,
    )


def _distinct(values: list[str | None], correct: str | None) -> list[str]:
    seen = {correct}
    out = []
    for value in values:
        if value is not None and value not in seen:
            seen.add(value)
            out.append(value)
    return out


def _usable(candidate: _Candidate) -> bool:
    """Every text present in the language, and at least two wrong answers to choose from."""
    return (
        candidate.prompt is not None
        and candidate.correct is not None
        and len(_distinct(candidate.distractors, candidate.correct)) >= 2
    )


def _ask(labels: Mapping[str, Any], key: str, **values: str | None) -> str | None:
    if any(value is None for value in values.values()):
        return None
    return str(labels[key]).format(**values)


# Generators: each yields every question it could ask; build_quiz takes them in turn.


def _rank_codes(facts: Facts, labels: Mapping[str, Any], _fmt: Formatter) -> Iterator[_Candidate]:
    codes = [row.code for row in facts.ranks]
    for nation, side in ((facts.host, "host"), (facts.audience, "audience")):
        titles = [(row.code, getattr(row, side)[0]) for row in facts.ranks if getattr(row, side)]
        for code, title in titles:
            if [t for _, t in titles].count(title) > 1:
                continue  # the same title at two grades: no single right answer
            near = sorted(codes, key=lambda c, code=code: abs(codes.index(c) - codes.index(code)))
            yield _Candidate(
                f"rank-code/{nation.code}/{code}",
                _ask(labels, "q_rank_code", title=title, nation=nation.name),
                code,
                [c for c in near if c != code][:5],
                "ranks",
            )


def _rank_equivalents(
    facts: Facts, labels: Mapping[str, Any], _fmt: Formatter
) -> Iterator[_Candidate]:
    host_titles = [row.host[0] for row in facts.ranks if row.host]
    audience_titles = [row.audience[0] for row in facts.ranks if row.audience]
    for index, row in enumerate(facts.ranks):
        if not row.host or not row.audience or row.host[0] == row.audience[0]:
            continue  # the same word in both armies teaches nothing
        if host_titles.count(row.host[0]) > 1 or audience_titles.count(row.audience[0]) > 1:
            continue  # a title used at two grades has no single equivalent
        others = [r.host[0] for r in facts.ranks if r.host and r is not row]
        near = sorted(
            others, key=lambda t: abs(host_titles.index(t) - index) if t in host_titles else 99
        )
        yield _Candidate(
            f"rank-equivalent/{row.code}",
            _ask(
                labels,
                "q_rank_equivalent",
                title=row.audience[0],
                audience=facts.audience.name,
                host=facts.host.name,
            ),
            row.host[0],
            near[:5],
            "ranks",
        )


def _event_dress(facts: Facts, labels: Mapping[str, Any], _fmt: Formatter) -> Iterator[_Candidate]:
    names = [d.text["name"] for d in facts.dress_codes]
    for event in facts.events:
        if event.dress is not None:
            yield _Candidate(
                f"event-dress/{event.entry.id}",
                _ask(labels, "q_event_dress", event=event.entry.text["title"]),
                event.dress.text["name"],
                names,
                "dress_by_event",
            )


def _event_places(facts: Facts, labels: Mapping[str, Any], _fmt: Formatter) -> Iterator[_Candidate]:
    names = [v.text["name"] for v in facts.venues]
    for event in facts.events:
        if event.venue is not None:
            yield _Candidate(
                f"event-place/{event.entry.id}",
                _ask(labels, "q_event_place", event=event.entry.text["title"]),
                event.venue.text["name"],
                names,
                "schedule",
            )


def _event_days(facts: Facts, labels: Mapping[str, Any], fmt: Formatter) -> Iterator[_Candidate]:
    days = sorted({e.start.date() for e in facts.events})
    for event in facts.highlights:
        yield _Candidate(
            f"event-day/{event.entry.id}",
            _ask(labels, "q_event_day", event=event.entry.text["title"]),
            fmt.day(event.start.date()),
            [fmt.day(day) for day in days],
            "schedule",
        )


def _flag_first(facts: Facts, labels: Mapping[str, Any], _fmt: Formatter) -> Iterator[_Candidate]:
    first, *others = facts.flag_order
    yield _Candidate(
        "flag-first",
        _ask(labels, "q_flag_first"),
        first.name,
        [n.name for n in others],
        "flag_order",
    )


def _advice(advice: str) -> Callable[[Facts, Mapping[str, Any], Formatter], Iterator[_Candidate]]:
    def generate(facts: Facts, labels: Mapping[str, Any], _fmt: Formatter) -> Iterator[_Candidate]:
        opposite = [g.text["text"] for g in facts.guidelines if _advice_of(g) != advice]
        for guideline in facts.guidelines:
            if _advice_of(guideline) == advice:
                yield _Candidate(
                    f"advice-{advice}/{guideline.id}",
                    _ask(labels, "q_avoid" if advice == "dont" else "q_do"),
                    guideline.text["text"],
                    opposite,
                    "dos_and_donts",
                )

    generate.__name__ = f"advice_{advice}"
    return generate


def _reasons(facts: Facts, labels: Mapping[str, Any], _fmt: Formatter) -> Iterator[_Candidate]:
    reasons = [g.text["reason"] for g in facts.guidelines]
    for guideline in facts.guidelines:
        key = "q_reason_dont" if _advice_of(guideline) == "dont" else "q_reason_do"
        yield _Candidate(
            f"reason/{guideline.id}",
            _ask(labels, key, text=_unstop(guideline.text["text"])),
            guideline.text["reason"],
            reasons,
            "dos_and_donts",
        )


def _phrases(facts: Facts, labels: Mapping[str, Any], _fmt: Formatter) -> Iterator[_Candidate]:
    meanings = [p.text["meaning"] for p in facts.phrases]
    for phrase in facts.phrases:
        yield _Candidate(
            f"phrase/{phrase.id}",
            _ask(
                labels,
                "q_phrase",
                transliteration=phrase.item.transliteration,  # type: ignore[attr-defined]
                phrase=phrase.item.phrase,  # type: ignore[attr-defined]
            ),
            phrase.text["meaning"],
            meanings,
            "phrases",
        )


def _advice_of(entry: Entry) -> str:
    return entry.item.advice  # type: ignore[attr-defined,no-any-return]


def _unstop(text: str | None) -> str | None:
    """A sentence quoted inside a question, without its full stop."""
    return text.rstrip(".。۔") if text else text


GENERATORS = (
    _rank_codes,
    _advice("dont"),
    _phrases,
    _event_dress,
    _reasons,
    _rank_equivalents,
    _flag_first,
    _event_places,
    _advice("do"),
    _event_days,
)
