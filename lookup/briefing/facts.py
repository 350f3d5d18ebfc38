"""Gather what a briefing says for one audience in one language, from the lookup service's store
(the same database the API reads and the admin API writes, so an edit shows in the next build).

Every text is taken in the requested language only. A missing one stays None and is listed in
`Facts.missing` (via the store's own `localize`), never filled in from another language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.topics import (
    CONTACT_TOPICS,
    ETIQUETTE_TOPICS,
    LOGISTICS_TOPICS,
    PARTICIPANTS,
    PROTOCOL_TOPICS,
    PUBLIC,
)
from lookup.briefing.errors import (
    BriefingError,
    LanguageNotAvailable,
    UnknownAudience,
    UnknownExercise,
)
from lookup.briefing.formatting import utc_offset
from lookup.briefing.ramadan import Ramadan, ramadan_for
from lookup.packs.schema import Event, ExerciseSpec, Item
from lookup.prayer_times import PRAYERS, DayTimes, day_times
from lookup.store.exercises import ExerciseNotFound, current_exercise
from lookup.store.items import get_row, local_time, localize, parse, readable, rows_of_kind
from lookup.store.models import Exercise

HIGHLIGHT_KINDS = ("ceremony", "briefing", "social")
PRAYER_COLUMNS = PRAYERS  # the briefing's prayer-time table, in the order of the day
SECTIONS = ("glance", "logistics", "protocol", "etiquette", "phrases", "contacts")
FRIDAY = 4


@dataclass(frozen=True)
class MissingText:
    kind: str
    id: str
    path: str


@dataclass(frozen=True)
class Entry:
    """One stored item: the parsed document, and its fields with texts in the language."""

    kind: str
    id: str
    last_updated: datetime
    item: Item
    text: dict[str, Any]


@dataclass(frozen=True)
class Nation:
    code: str
    role: str
    name: str | None


@dataclass(frozen=True)
class EventView:
    entry: Entry
    start: datetime  # exercise local time
    end: datetime
    venue: Entry | None
    dress: Entry | None

    @property
    def kind(self) -> str:
        return self.entry.item.kind  # type: ignore[attr-defined]


@dataclass(frozen=True)
class RankRow:
    code: str
    host: list[str | None]  # titles in the language
    audience: list[str | None]
    host_all: list[dict[str, str]]  # the same titles in every language (for language-neutral
    audience_all: list[dict[str, str]]  # decisions, e.g. which quiz questions to ask)


@dataclass
class Facts:
    exercise_id: str
    lang: str
    generated_at: datetime
    exercise: Entry
    host: Nation
    audience: Nation
    partners: list[Nation]
    flag_order: list[Nation]
    start_date: date
    end_date: date
    time_zone: str
    utc_offset: str
    topics: dict[str, list[Entry]]
    venues: list[Entry]
    dress_codes: list[Entry]
    events: list[EventView]
    ranks: list[RankRow]
    forms_of_address: list[tuple[Nation, list[Entry]]]
    phrases: list[Entry]
    guidelines: list[Entry]
    contacts: list[Entry]
    ramadan: Ramadan | None
    fridays: list[date]
    missing: list[MissingText]
    # One row per day of the exercise, when the pack gives the camp's prayer_times.
    prayer_times: list[DayTimes] = field(default_factory=list)
    updated: dict[str, datetime | None] = field(default_factory=dict)

    def topic(self, name: str) -> list[Entry]:
        return self.topics.get(name, [])

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1

    @property
    def highlights(self) -> list[EventView]:
        return [e for e in self.events if e.kind in HIGHLIGHT_KINDS]

    @property
    def ceremonies(self) -> list[EventView]:
        return [e for e in self.events if e.kind == "ceremony"]

    @property
    def knowledge_as_of(self) -> datetime:
        return max(stamp for stamp in self.updated.values() if stamp is not None)


# A document's edition is the tier it is for (issue 19): the public edition can be handed to
# anyone; the participants' one holds logistics, venues, events and contacts too.
EDITIONS: tuple[str, ...] = (PUBLIC, PARTICIPANTS)


class _Reader:
    """Reads items of one exercise in one language, remembering which texts are missing."""

    def __init__(
        self, session: Session, exercise: Exercise, lang: str, edition: str = PARTICIPANTS
    ) -> None:
        self.session = session
        self.exercise = exercise
        self.lang = lang
        self.edition = edition  # the tier the document is for: items it may not read are left out
        self.missing: list[MissingText] = []

    def entries(self, kind: str, topic: str | None = None) -> list[Entry]:
        return [
            self._entry(kind, row.id, row.last_updated, parse(row))
            for row in rows_of_kind(self.session, self.exercise.id, kind, topic=topic)
            if readable(row, self.edition)
        ]

    def one(self, kind: str, item_id: str) -> Entry:
        row = get_row(self.session, self.exercise.id, kind, item_id)
        assert row is not None, f"{kind} {item_id} is stored"
        return self._entry(kind, row.id, row.last_updated, parse(row))

    def _entry(self, kind: str, item_id: str, stamp: datetime, item: Item) -> Entry:
        fields, missing = localize(item, self.lang)
        for path in missing:
            gap = MissingText(kind, item_id, path)
            if gap not in self.missing:
                self.missing.append(gap)
        return Entry(kind, item_id, stamp, item, fields)


def gather(
    session: Session,
    *,
    audience: str,
    lang: str,
    exercise_id: str | None = None,
    now: datetime | None = None,
    edition: str = PARTICIPANTS,
) -> Facts:
    """Everything a briefing, card or quiz for `audience` (a partner nation's code) says, in the
    `edition` for the public or for participants (issue 19): only items that tier may read."""
    if edition not in EDITIONS:
        raise BriefingError(f"no edition '{edition}'; editions are: {', '.join(EDITIONS)}")
    exercise = _exercise(session, exercise_id)
    if lang not in exercise.languages:
        raise LanguageNotAvailable(
            f"language '{lang}' is not a language of exercise '{exercise.id}' "
            f"(its languages: {', '.join(exercise.languages)})"
        )
    reader = _Reader(session, exercise, lang, edition)
    head = reader.one("exercise", exercise.id)
    spec = head.item
    assert isinstance(spec, ExerciseSpec)
    nations = {
        n.code: Nation(n.code, n.role, head.text["nations"][i]["name"])
        for i, n in enumerate(spec.nations)
    }
    partners = [n for n in nations.values() if n.role == "partner"]
    host = next(n for n in nations.values() if n.role == "host")
    if audience not in nations or nations[audience].role != "partner":
        visiting = ", ".join(f"{n.code} ({n.name or n.code})" for n in partners)
        what = "is the host nation of" if audience == host.code else "is not a nation of"
        raise UnknownAudience(
            f"'{audience}' {what} exercise '{exercise.id}'; briefings are for its visiting "
            f"nations: {visiting}"
        )

    topics: dict[str, list[Entry]] = {}
    for entry in reader.entries("topic"):
        topics.setdefault(entry.item.topic, []).append(entry)  # type: ignore[attr-defined]
    venues = reader.entries("venue")
    dress_codes = reader.entries("dress_code")
    events = _events(reader.entries("event"), venues, dress_codes, exercise.time_zone)
    rank_entries = reader.entries("rank")
    ranks = _ranks(rank_entries, host.code, audience)
    forms = reader.entries("address_form")
    forms_of_address = [
        (nation, [f for f in forms if f.item.nation == nation.code])  # type: ignore[attr-defined]
        for nation in (host, nations[audience])
    ]
    phrases = reader.entries("phrase")
    guidelines = reader.entries("guideline")
    contacts = reader.entries("contact")

    facts = Facts(
        exercise_id=exercise.id,
        lang=lang,
        generated_at=now or datetime.now(timezone.utc),
        exercise=head,
        host=host,
        audience=nations[audience],
        partners=partners,
        flag_order=[nations[code] for code in spec.flag_order],
        start_date=spec.start_date,
        end_date=spec.end_date,
        time_zone=spec.time_zone,
        utc_offset=utc_offset(spec.time_zone, spec.start_date),
        topics=topics,
        venues=venues,
        dress_codes=dress_codes,
        events=events,
        ranks=ranks,
        forms_of_address=forms_of_address,
        phrases=phrases,
        guidelines=guidelines,
        contacts=contacts,
        ramadan=ramadan_for(spec.start_date, spec.end_date, spec.ramadan),
        fridays=[
            spec.start_date + timedelta(days=n)
            for n in range((spec.end_date - spec.start_date).days + 1)
            if (spec.start_date + timedelta(days=n)).weekday() == FRIDAY
        ],
        missing=reader.missing,
        prayer_times=[
            day_times(spec.prayer_times, spec.start_date + timedelta(days=n), spec.time_zone)
            for n in range((spec.end_date - spec.start_date).days + 1)
        ]
        if spec.prayer_times
        else [],
    )

    def newest(*groups: list[Entry]) -> datetime | None:
        stamps = [entry.last_updated for group in groups for entry in group]
        return max(stamps) if stamps else None

    def of_topics(names: tuple[str, ...]) -> list[Entry]:
        return [entry for name in names for entry in topics.get(name, [])]

    event_entries = [e.entry for e in events]
    facts.updated = {
        "glance": newest([head], venues, [e.entry for e in facts.highlights]),
        "logistics": newest(of_topics(LOGISTICS_TOPICS)),
        "protocol": newest(
            [head],
            of_topics(PROTOCOL_TOPICS),
            rank_entries,
            [f for _, group in forms_of_address for f in group],
            event_entries,
            dress_codes,
        ),
        "etiquette": newest(of_topics(ETIQUETTE_TOPICS), guidelines),
        "phrases": newest(phrases),
        "contacts": newest(of_topics(CONTACT_TOPICS), contacts),
    }
    return facts


def _exercise(session: Session, exercise_id: str | None) -> Exercise:
    try:
        return current_exercise(session, exercise_id)
    except ExerciseNotFound as error:
        loaded = sorted(session.scalars(select(Exercise.id)))
        hint = f"loaded: {', '.join(loaded)}" if loaded else "run `liaison import-pack PATH`"
        raise UnknownExercise(f"{error} ({hint})") from error


def _events(
    entries: list[Entry], venues: list[Entry], dress_codes: list[Entry], zone: str
) -> list[EventView]:
    by_id = {("venue", v.id): v for v in venues} | {("dress", d.id): d for d in dress_codes}
    views = []
    for entry in entries:
        event = entry.item
        assert isinstance(event, Event)
        views.append(
            EventView(
                entry,
                local_time(event.start, zone),
                local_time(event.end, zone),
                by_id.get(("venue", event.venue)),
                by_id.get(("dress", event.dress)) if event.dress else None,
            )
        )
    views.sort(key=lambda view: view.start)
    return views


def _ranks(entries: list[Entry], host: str, audience: str) -> list[RankRow]:
    """Officers from the most senior down, then other ranks, for the host and the audience."""

    def seniority(entry: Entry) -> tuple[int, int]:
        group, number = entry.item.code.split("-")  # type: ignore[attr-defined]
        return (0 if group == "OF" else 1, -int(number))

    rows = []
    for entry in sorted(entries, key=seniority):
        titles = entry.text["titles"]
        every = entry.item.titles  # type: ignore[attr-defined]
        row = RankRow(
            entry.item.code,  # type: ignore[attr-defined]
            titles.get(host, []),
            titles.get(audience, []),
            [t.root for t in every.get(host, [])],
            [t.root for t in every.get(audience, [])],
        )
        if row.host or row.audience:
            rows.append(row)
    return rows
