"""Read and validate a pack, reporting every problem with its file, line, item and field."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from hijridate import Gregorian, Hijri
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from lookup.packs.schema import KINDS, Pack, languages_missing, languages_outside

PathKey = tuple[str | int, ...]

# How far announced Ramadan dates may lie from the Umm al-Qura calendar's: the month begins with
# the sighting of the new moon, which moves it by a day or two from place to place.
RAMADAN_TOLERANCE_DAYS = 2


class PackLoader(yaml.SafeLoader):
    """YAML 1.1 without its type surprises: unquoted yes/no/on/off (a `no:` key for Norway),
    numbers with a leading zero or a + (phone numbers), 1_000, 1.5 and 01:30-style sexagesimal
    numbers all stay the text that was written. Only plain whole numbers (format_version: 1),
    null, and dates and times are still read as such. A key given twice is an error, not the
    second value silently winning."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "in a mapping",
                    node.start_mark,
                    f"'{key}' is given twice here: keep one",
                    key_node.start_mark,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_SURPRISES = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
PackLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _SURPRISES]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
PackLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:0|[1-9][0-9]*)$"), list("0123456789")
)


def read_yaml(source: str) -> Any:
    """A pack's YAML as written: see PackLoader."""
    return yaml.load(source, Loader=PackLoader)  # a SafeLoader subclass: no arbitrary objects


@dataclass(frozen=True)
class Problem:
    path: PathKey
    message: str


@dataclass(frozen=True)
class LoadedPack:
    pack: Pack
    warnings: list[str]


class PackError(ValueError):
    """A pack that cannot be loaded; `str()` lists every problem, one per line."""

    def __init__(self, file: Path, problems: list[str]) -> None:
        self.file = file
        self.problems = problems
        super().__init__("\n".join(problems))


def load_pack(path: Path, *, strict: bool = False) -> LoadedPack:
    """Validate a pack. Missing translations are warnings (reported, never filled in from another
    language), or errors when `strict`; anything else wrong is an error."""
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PackError(path, [f"{path}: cannot read: {error.strerror}"]) from error
    try:
        raw = read_yaml(source)
        lines = _line_numbers(yaml.compose(source, Loader=PackLoader))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise PackError(path, [f"{where}: not valid YAML: {error}"]) from error
    if not isinstance(raw, dict):
        raise PackError(
            path, [f"{path}:1: a pack is a mapping with format_version, exercise, topics"]
        )

    try:
        pack = Pack.model_validate(raw)
    except ValidationError as error:
        problems = [Problem(tuple(e["loc"]), _message(e)) for e in error.errors()]
        raise PackError(path, [_describe(path, raw, lines, p) for p in problems]) from None
    missing = list(_missing_translations(pack))
    problems = list(consistency_problems(pack)) + (missing if strict else [])
    if problems:
        raise PackError(path, [_describe(path, raw, lines, p) for p in problems])
    return LoadedPack(pack, [_describe(path, raw, lines, p) for p in missing])


def consistency_problems(pack: Pack) -> Iterator[Problem]:
    """What the schema alone cannot say: dates in order, unique ids, references that resolve.
    Pack imports and admin API writes both go through it (`check_document`), so an edit can never
    leave the store in a state an import would have refused."""
    exercise = pack.exercise
    if exercise.end_date < exercise.start_date:
        yield Problem(("exercise", "end_date"), "ends before it starts")
    zone: ZoneInfo | None = None
    try:
        zone = ZoneInfo(exercise.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        yield Problem(("exercise", "time_zone"), f"unknown time zone '{exercise.time_zone}'")
    nations = [nation.code for nation in exercise.nations]
    yield from _duplicates(("exercise", "nations"), "code", nations)
    yield from _duplicates(("exercise", "phases"), "id", [phase.id for phase in exercise.phases])
    yield from _duplicates(("exercise", "languages"), None, exercise.languages)
    if [n.role for n in exercise.nations].count("host") != 1:
        yield Problem(("exercise", "nations"), "needs exactly one nation with role: host")
    if sorted(exercise.flag_order) != sorted(nations):
        yield Problem(("exercise", "flag_order"), "must list every nation code exactly once")
    for index, phase in enumerate(exercise.phases):
        if not exercise.start_date <= phase.start_date <= phase.end_date <= exercise.end_date:
            yield Problem(("exercise", "phases", index), "dates must lie within the exercise")
    if exercise.ramadan and exercise.ramadan.end_date < exercise.ramadan.start_date:
        yield Problem(("exercise", "ramadan", "end_date"), "ends before it starts")
    elif exercise.ramadan:
        yield from _ramadan_problems(exercise.ramadan.start_date, exercise.ramadan.end_date)
        if exercise.ramadan.end_date < exercise.start_date - timedelta(RAMADAN_TOLERANCE_DAYS):
            yield Problem(
                ("exercise", "ramadan", "end_date"),
                "this Ramadan ended before the exercise begins: give the Ramadan during or after "
                "the exercise (as announced), or leave exercise.ramadan out",
            )

    latest_plausible = datetime.now(timezone.utc) + timedelta(days=1)  # clocks drift a little
    for section, entries in _sections(pack):
        seen: set[str] = set()
        for index, item in enumerate(entries):
            where = (section, index) if section != "exercise" else ("exercise",)
            if section != "exercise":
                if item.id in seen:
                    yield Problem((*where, "id"), f"duplicate id '{item.id}'")
                seen.add(item.id)
            for field in ("last_updated", "start", "end"):
                value = getattr(item, field, None)
                if isinstance(value, datetime) and value.tzinfo is None:
                    yield Problem((*where, field), "needs a time zone, e.g. ...Z or +03:00")
            if item.last_updated.tzinfo and item.last_updated > latest_plausible:
                yield Problem((*where, "last_updated"), "is in the future")
            for text_path, extra in languages_outside(item, exercise.languages):
                yield Problem(
                    (*where, *_keys(text_path), extra), "language not listed in exercise.languages"
                )

    venues = {venue.id for venue in pack.venues}
    dress_codes = {dress.id for dress in pack.dress_codes}
    for index, event in enumerate(pack.events):
        if event.venue not in venues:
            yield Problem(("events", index, "venue"), f"no venue with id '{event.venue}'")
        if event.dress is not None and event.dress not in dress_codes:
            yield Problem(("events", index, "dress"), f"no dress code with id '{event.dress}'")
        if event.start.tzinfo and event.end.tzinfo:
            if event.end <= event.start:
                yield Problem(("events", index, "end"), "must be after start")
            for field in ("start", "end"):
                at: datetime = getattr(event, field)
                if zone is None:
                    continue
                offset = _offset_problem(at, zone, exercise.time_zone)
                if offset:
                    yield Problem(("events", index, field), offset)
                # An event that ends at midnight ends on the day before.
                moment = at - timedelta(microseconds=1) if field == "end" else at
                local = moment.astimezone(zone).date()
                if not exercise.start_date <= local <= exercise.end_date:
                    yield Problem(
                        ("events", index, field),
                        f"{local.isoformat()} is outside the exercise dates "
                        f"({exercise.start_date.isoformat()} to {exercise.end_date.isoformat()})",
                    )
    codes: set[str] = set()
    for index, rank in enumerate(pack.ranks):
        if rank.code in codes:
            yield Problem(("ranks", index, "code"), f"duplicate grade '{rank.code}'")
        codes.add(rank.code)
        for nation in sorted(rank.titles.keys() - set(nations)):
            yield Problem(("ranks", index, "titles", nation), "not a nation of the exercise")
        for nation, titles in rank.titles.items():
            if not titles:
                yield Problem(
                    ("ranks", index, "titles", nation),
                    "no title given: write the nation's title(s) for this grade, or leave the "
                    "nation out",
                )
    for index, contact in enumerate(pack.contacts):
        yield from _duplicates(("contacts", index, "languages"), None, contact.languages)
    for index, form in enumerate(pack.forms_of_address):
        if form.nation not in nations:
            yield Problem(("forms_of_address", index, "nation"), "not a nation of the exercise")


def _duplicates(where: PathKey, field: str | None, values: list[str]) -> Iterator[Problem]:
    """One problem per value listed again (at the later entry), e.g. two phases with one id."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            what = f"duplicate {field} '{value}'" if field else f"'{value}' is listed twice"
            yield Problem((*where, index, field) if field else (*where, index), what)
        seen.add(value)


def _offset_problem(value: datetime, zone: ZoneInfo, zone_name: str) -> str | None:
    """A time written with a UTC offset the exercise's zone does not have then (a +03:00 copied
    into an Asia/Dubai pack moves the event by an hour); UTC itself (Z) is unambiguous."""
    written = value.utcoffset()
    expected = value.astimezone(zone).utcoffset()
    if written is None or expected is None or written in (expected, timedelta(0)):
        return None
    shown = value.replace(tzinfo=None).isoformat(timespec="minutes")
    return (
        f"written with UTC offset {_offset(written)}, but {zone_name} (exercise.time_zone) is at "
        f"{_offset(expected)} then: this time would be shown as "
        f"{value.astimezone(zone):%H:%M} local, not {shown[11:]}. Write {shown}{_offset(expected)}"
    )


def _offset(delta: timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def umm_al_qura_ramadan(near: date) -> tuple[int, date, date] | None:
    """(Hijri year, first day, last day) of the Umm al-Qura Ramadan nearest `near`; None outside
    the calendar's range (1343-1500 AH)."""
    try:
        year = Gregorian(near.year, near.month, near.day).to_hijri().year
    except (OverflowError, ValueError):
        return None
    found: list[tuple[int, date, date]] = []
    for candidate in (year - 1, year, year + 1):
        try:
            first = Hijri(candidate, 9, 1).to_gregorian()
            after = Hijri(candidate, 10, 1).to_gregorian()
        except (OverflowError, ValueError):
            continue
        start = date(first.year, first.month, first.day)
        found.append((candidate, start, date(after.year, after.month, after.day) - timedelta(1)))
    return min(found, key=lambda entry: abs(entry[1] - near)) if found else None


def _ramadan_problems(start: date, end: date) -> Iterator[Problem]:
    expected = umm_al_qura_ramadan(start)
    if expected is None:
        return
    year, first, last = expected
    for field, given, calendar in (("start_date", start, first), ("end_date", end, last)):
        if abs((given - calendar).days) > RAMADAN_TOLERANCE_DAYS:
            what = "first" if field == "start_date" else "last"
            yield Problem(
                ("exercise", "ramadan", field),
                f"{given.isoformat()} is not the {what} day of Ramadan: in {year} AH the Umm "
                f"al-Qura calendar gives {calendar.isoformat()} (up to "
                f"{RAMADAN_TOLERANCE_DAYS} days either way is accepted for the moon sighting)",
            )


def _message(error: ErrorDetails) -> str:
    """Pydantic's message, said plainly where YAML read a value as another type."""
    value = error.get("input")
    if error["type"] == "string_type":
        if isinstance(value, bool):
            return "YAML read this as true/false (as it reads yes, no, on, off): put it in quotes"
        if isinstance(value, int | float):
            return (
                f"YAML read {value} as a number, not text (a leading 0 or + would be lost): put "
                f'it in quotes, e.g. "{value}"'
            )
        if isinstance(value, date | datetime):
            return "YAML read this as a date: put it in quotes"
    return error["msg"]


def check_document(document: dict[str, Any]) -> list[str]:
    """Every problem of a whole pack given as a document (an import, or the stored exercise with
    one admin write applied): schema first, then consistency; [] when it would load."""
    try:
        pack = Pack.model_validate(document)
    except ValidationError as error:
        problems = [Problem(tuple(e["loc"]), _message(e)) for e in error.errors()]
    else:
        problems = list(consistency_problems(pack))
    return [_where(document, p) for p in problems]


def _where(raw: dict[str, Any], problem: Problem) -> str:
    item, field = _item_and_field(raw, problem.path)
    return f"{item}: {field}: {problem.message}"


def _missing_translations(pack: Pack) -> Iterator[Problem]:
    languages = pack.exercise.languages
    for section, entries in _sections(pack):
        for index, item in enumerate(entries):
            where = (section, index) if section != "exercise" else ("exercise",)
            for text_path, lang in languages_missing(item, languages):
                yield Problem((*where, *_keys(text_path), lang), "missing translation")


def _sections(pack: Pack) -> Iterator[tuple[str, list[Any]]]:
    yield "exercise", [pack.exercise]
    for section in KINDS:
        yield section, getattr(pack, section)


def _keys(dotted: str) -> tuple[str | int, ...]:
    return tuple(int(part) if part.isdigit() else part for part in dotted.split("."))


def _describe(file: Path, raw: dict[str, Any], lines: dict[PathKey, int], problem: Problem) -> str:
    path = problem.path
    line = next((lines[path[:n]] for n in range(len(path), -1, -1) if path[:n] in lines), 1)
    item, field = _item_and_field(raw, path)
    return f"{file}:{line}: {item}: {field}: {problem.message}"


def _item_and_field(raw: dict[str, Any], path: PathKey) -> tuple[str, str]:
    """('topics[2] (id meals)', 'text.fr') for a path inside a list item, else ('exercise', ...)."""
    if len(path) >= 2 and isinstance(path[1], int):
        section, index = path[0], path[1]
        entries = raw.get(str(section))
        item_id = None
        if isinstance(entries, list) and index < len(entries) and isinstance(entries[index], dict):
            item_id = entries[index].get("id")
        label = f"{section}[{index}]" + (f" (id {item_id})" if item_id else "")
        return label, ".".join(str(p) for p in path[2:]) or "(the item)"
    if not path:
        return "pack", "(top level)"
    return str(path[0]), ".".join(str(p) for p in path[1:]) or "(the section)"


def _line_numbers(node: yaml.Node | None, path: PathKey = ()) -> dict[PathKey, int]:
    """Map each key path of the YAML document to its 1-based line."""
    if node is None:
        return {}
    lines: dict[PathKey, int] = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*path, key_node.value)
            lines.update(_line_numbers(value_node, child))
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, value_node in enumerate(node.value):
            lines.update(_line_numbers(value_node, (*path, index)))
    return lines
