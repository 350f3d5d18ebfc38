"""Read and validate a pack, reporting every problem with its file, line, item and field."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import ValidationError

from bot.lookup.packs.schema import Pack

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    path: PathKey
    message: str


class PackError(ValueError):
    """A pack that cannot be loaded; `str()` lists every problem, one per line."""

    def __init__(self, file: Path, problems: list[str]) -> None:
        self.file = file
        self.problems = problems
        super().__init__("\n".join(problems))


def load_pack(path: Path) -> Pack:
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PackError(path, [f"{path}: cannot read: {error.strerror}"]) from error
    try:
        raw = yaml.safe_load(source)
        lines = _line_numbers(yaml.compose(source))
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
        problems = [Problem(tuple(e["loc"]), e["msg"]) for e in error.errors()]
    else:
        problems = list(_consistency_problems(pack))
    if problems:
        raise PackError(path, [_describe(path, raw, lines, p) for p in problems])
    return pack


def _consistency_problems(pack: Pack) -> Iterator[Problem]:
    """What the schema alone cannot say: dates in order, unique ids, every language present."""
    exercise = pack.exercise
    languages = set(exercise.languages)
    if exercise.end_date < exercise.start_date:
        yield Problem(("exercise", "end_date"), "ends before it starts")
    try:
        ZoneInfo(exercise.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        yield Problem(("exercise", "time_zone"), f"unknown time zone '{exercise.time_zone}'")
    yield from _translation_problems(("exercise", "name"), exercise.name, languages)

    seen: set[str] = set()
    for index, item in enumerate(pack.topics):
        if item.id in seen:
            yield Problem(("topics", index, "id"), f"duplicate id '{item.id}'")
        seen.add(item.id)
        if item.last_updated.tzinfo is None:
            yield Problem(("topics", index, "last_updated"), "needs a time zone, e.g. ...Z")
        for field in ("title", "text"):
            yield from _translation_problems(
                ("topics", index, field), getattr(item, field), languages
            )


def _translation_problems(
    path: PathKey, texts: dict[str, str], languages: set[str]
) -> Iterator[Problem]:
    for missing in sorted(languages - texts.keys()):
        yield Problem((*path, missing), "missing translation")
    for extra in sorted(texts.keys() - languages):
        yield Problem((*path, extra), "language not listed in exercise.languages")


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
