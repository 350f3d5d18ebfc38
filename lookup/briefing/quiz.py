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

from lookup.briefing.facts import Entry, Facts
from lookup.briefing.formatting import Formatter

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


Choice = tuple[str, "str | None"]  # (language-independent key, text in the language)


@dataclass(frozen=True)
class _Candidate:
    key: str  # language-independent: decides selection and choice order
    prompt: str | None
    correct: Choice
    distractors: list[Choice]
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
    pools: list[list[tuple[_Candidate, list[Choice]]]] = []
    for generator in GENERATORS:
        usable = []
        for candidate in sorted(generator(facts, labels, fmt), key=lambda c: c.key):
            wrong = _wrong_answers(candidate, random.Random(f"{seed}/{candidate.key}"))
            if (
                candidate.prompt is not None
                and candidate.correct[1] is not None
                and len(wrong) >= 2
            ):
                usable.append((candidate, wrong))
        random.Random(f"{seed}/{generator.__name__}").shuffle(usable)
        pools.append(usable)
    chosen: list[tuple[_Candidate, list[Choice]]] = []
    while len(chosen) < questions and any(pools):
        for pool in pools:
            if pool and len(chosen) < questions:
                chosen.append(pool.pop(0))
    built = []
    for number, (candidate, wrong) in enumerate(chosen, start=1):
        choices = [candidate.correct, *wrong]
        random.Random(f"{seed}/{candidate.key}/order").shuffle(choices)
        built.append(
            Question(
                id=f"q{number}",
                prompt=candidate.prompt,  # type: ignore[arg-type]
                choices=tuple(text for _, text in choices),  # type: ignore[misc]
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
        # Half-up rounding, exactly as the quiz page's script does it.
        percent=(200 * correct + total) // (2 * total) if total else 0,
        passed=total > 0 and correct * 100 >= quiz.pass_mark * total,
        pass_mark=quiz.pass_mark,
    )


def _wrong_answers(candidate: _Candidate, rng: random.Random) -> list[Choice]:
    """Up to three wrong answers, picked by key (so the same in every language when the texts
    are complete), skipping missing texts and any that read the same as another choice."""
    pool = sorted({key: (key, text) for key, text in candidate.distractors}.values())
    rng.shuffle(pool)
    seen = {candidate.correct[1]}
    picked: list[Choice] = []
    for key, text in pool:
        if key != candidate.correct[0] and text is not None and text not in seen:
            seen.add(text)
            picked.append((key, text))
        if len(picked) == MAX_CHOICES - 1:
            break
    return picked


def _ask(labels: Mapping[str, Any], key: str, **values: str | None) -> str | None:
    if any(value is None for value in values.values()):
        return None
    return str(labels[key]).format(**values)


def _shared(a: dict[str, str], b: dict[str, str]) -> bool:
    """Two titles that read the same in some language."""
    return any(text == b.get(lang) for lang, text in a.items())


# Generators: each yields every question it could ask; build_quiz takes them in turn. Whether a
# question is asked never depends on the language, only on the knowledge.


def _rank_codes(facts: Facts, labels: Mapping[str, Any], _fmt: Formatter) -> Iterator[_Candidate]:
    codes = [row.code for row in facts.ranks]
    for nation, side in ((facts.host, "host"), (facts.audience, "audience")):
        rows = [row for row in facts.ranks if getattr(row, side)]
        for row in rows:
            title = getattr(row, f"{side}_all")[0]
            if any(
                _shared(title, getattr(other, f"{side}_all")[0])
                for other in rows
                if other is not row
            ):
                continue  # the same title at two grades: no single right answer
            index = codes.index(row.code)
            near = sorted(codes, key=lambda c: (abs(codes.index(c) - index), c))
            yield _Candidate(
                f"rank-code/{nation.code}/{row.code}",
                _ask(labels, "q_rank_code", title=getattr(row, side)[0], nation=nation.name),
                (row.code, row.code),
                [(c, c) for c in near[1:6]],
                "ranks",
            )


def _rank_equivalents(
    facts: Facts, labels: Mapping[str, Any], _fmt: Formatter
) -> Iterator[_Candidate]:
    rows = [row for row in facts.ranks if row.host and row.audience]
    for index, row in enumerate(rows):
        host, audience = row.host_all[0], row.audience_all[0]
        if host == audience:
            continue  # the same words in both armies teach nothing
        others = [r for r in rows if r is not row]
        if any(
            _shared(host, r.host_all[0]) or _shared(audience, r.audience_all[0]) for r in others
        ):
            continue  # a title used at two grades has no single equivalent
        near = sorted(others, key=lambda r: (abs(rows.index(r) - index), r.code))
        yield _Candidate(
            f"rank-equivalent/{row.code}",
            _ask(
                labels,
                "q_rank_equivalent",
                title=row.audience[0],
                audience=facts.audience.name,
                host=facts.host.name,
            ),
            (row.code, row.host[0]),
            [(r.code, r.host[0]) for r in near[:5]],
            "ranks",
        )


def _event_dress(facts: Facts, labels: Mapping[str, Any], _fmt: Formatter) -> Iterator[_Candidate]:
    dress = [(d.id, d.text["name"]) for d in facts.dress_codes]
    for event in facts.events:
        if event.dress is not None:
            yield _Candidate(
                f"event-dress/{event.entry.id}",
                _ask(labels, "q_event_dress", event=event.entry.text["title"]),
                (event.dress.id, event.dress.text["name"]),
                dress,
                "dress_by_event",
            )


def _event_places(facts: Facts, labels: Mapping[str, Any], _fmt: Formatter) -> Iterator[_Candidate]:
    venues = [(v.id, v.text["name"]) for v in facts.venues]
    for event in facts.events:
        if event.venue is not None:
            yield _Candidate(
                f"event-place/{event.entry.id}",
                _ask(labels, "q_event_place", event=event.entry.text["title"]),
                (event.venue.id, event.venue.text["name"]),
                venues,
                "schedule",
            )


def _event_days(facts: Facts, labels: Mapping[str, Any], fmt: Formatter) -> Iterator[_Candidate]:
    days = sorted({e.start.date() for e in facts.events})
    for event in facts.events:
        if event.kind not in ("ceremony", "social"):
            continue  # one-off occasions; briefings and training may recur
        day = event.start.date()
        yield _Candidate(
            f"event-day/{event.entry.id}",
            _ask(labels, "q_event_day", event=event.entry.text["title"]),
            (day.isoformat(), fmt.day(day)),
            [(d.isoformat(), fmt.day(d)) for d in days],
            "schedule",
        )


def _flag_first(facts: Facts, labels: Mapping[str, Any], _fmt: Formatter) -> Iterator[_Candidate]:
    first, *others = facts.flag_order
    yield _Candidate(
        "flag-first",
        _ask(labels, "q_flag_first"),
        (first.code, first.name),
        [(n.code, n.name) for n in others],
        "flag_order",
    )


def _advice(advice: str) -> Callable[[Facts, Mapping[str, Any], Formatter], Iterator[_Candidate]]:
    def generate(facts: Facts, labels: Mapping[str, Any], _fmt: Formatter) -> Iterator[_Candidate]:
        opposite = [(g.id, g.text["text"]) for g in facts.guidelines if _advice_of(g) != advice]
        for guideline in facts.guidelines:
            if _advice_of(guideline) == advice:
                yield _Candidate(
                    f"advice-{advice}/{guideline.id}",
                    _ask(labels, "q_avoid" if advice == "dont" else "q_do"),
                    (guideline.id, guideline.text["text"]),
                    opposite,
                    "dos_and_donts",
                )

    generate.__name__ = f"advice_{advice}"
    return generate


def _reasons(facts: Facts, labels: Mapping[str, Any], _fmt: Formatter) -> Iterator[_Candidate]:
    reasons = [(g.id, g.text["reason"]) for g in facts.guidelines]
    for guideline in facts.guidelines:
        key = "q_reason_dont" if _advice_of(guideline) == "dont" else "q_reason_do"
        yield _Candidate(
            f"reason/{guideline.id}",
            _ask(labels, key, text=_unstop(guideline.text["text"])),
            (guideline.id, guideline.text["reason"]),
            reasons,
            "dos_and_donts",
        )


def _phrases(facts: Facts, labels: Mapping[str, Any], _fmt: Formatter) -> Iterator[_Candidate]:
    meanings = [(p.id, p.text["meaning"]) for p in facts.phrases]
    for phrase in facts.phrases:
        yield _Candidate(
            f"phrase/{phrase.id}",
            _ask(
                labels,
                "q_phrase",
                transliteration=phrase.item.transliteration,  # type: ignore[attr-defined]
                phrase=phrase.item.phrase,  # type: ignore[attr-defined]
            ),
            (phrase.id, phrase.text["meaning"]),
            meanings,
            "phrases",
        )


def _advice_of(entry: Entry) -> str:
    return entry.item.advice  # type: ignore[attr-defined]


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
