from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.lookup.packs.importer import import_pack
from bot.lookup.packs.loader import PackError, load_pack
from bot.lookup.settings import Settings
from bot.lookup.store.database import make_engine, make_session_factory, transaction
from bot.lookup.store.models import Exercise, TopicItem
from tests.packs import SAMPLE_PACK, other_pack, read_pack, write_pack


def errors_of(path: Path) -> list[str]:
    with pytest.raises(PackError) as raised:
        load_pack(path)
    return raised.value.problems


def line_of(path: Path, needle: str, after: str = "") -> int:
    """1-based line of the first line containing needle, after the first containing `after`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if after in line) if after else 0
    return next(n for n, line in enumerate(lines[start:], start + 1) if needle in line)


def test_sample_pack_is_valid_and_complete() -> None:
    pack = load_pack(SAMPLE_PACK)
    assert pack.exercise.languages == ["ar", "en", "fr"]
    assert {item.topic for item in pack.topics} >= {
        "meals",
        "prayer_facilities",
        "emergency_contacts",
    }


def test_missing_translation_names_file_line_item_and_field(tmp_path: Path) -> None:
    pack = other_pack()
    del pack["topics"][2]["text"]["ar"]
    path = write_pack(tmp_path / "pack.yml", pack)
    [problem] = errors_of(path)
    # The line of the item's `text:` mapping, which lacks the `ar` key.
    assert problem.startswith(f"{path}:{line_of(path, 'text:', after='id: medic')}: ")
    assert "topics[2] (id medic): text.ar: missing translation" in problem


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    pack = other_pack()
    pack["exercise"]["end_date"] = "2027-05-01"
    pack["exercise"]["time_zone"] = "Mars/Olympus"
    pack["topics"][1]["id"] = pack["topics"][0]["id"]
    pack["topics"][0]["title"]["de"] = "Essen"
    problems = "\n".join(errors_of(write_pack(tmp_path / "pack.yml", pack)))
    assert "exercise: end_date: ends before it starts" in problems
    assert "unknown time zone 'Mars/Olympus'" in problems
    assert "topics[1] (id mess-tent): id: duplicate id 'mess-tent'" in problems
    assert "title.de: language not listed in exercise.languages" in problems


def test_schema_errors_name_the_field(tmp_path: Path) -> None:
    pack = other_pack()
    pack["topics"][3]["colour"] = "green"
    del pack["topics"][0]["updated_by"]
    pack["format_version"] = 7
    problems = "\n".join(errors_of(write_pack(tmp_path / "pack.yml", pack)))
    assert "topics[3] (id prayer-tent): colour: Extra inputs are not permitted" in problems
    assert "topics[0] (id mess-tent): updated_by: Field required" in problems
    assert "format_version" in problems


def test_naive_timestamps_are_refused(tmp_path: Path) -> None:
    pack = other_pack()
    pack["topics"][0]["last_updated"] = "2027-05-02T08:15:00"
    [problem] = errors_of(write_pack(tmp_path / "pack.yml", pack))
    assert "last_updated: needs a time zone" in problem


def test_yaml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yml"
    path.write_text("format_version: 1\nexercise:\n  id: [unclosed\n", encoding="utf-8")
    [problem] = errors_of(path)
    assert problem.startswith(f"{path}:") and "not valid YAML" in problem


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    [problem] = errors_of(tmp_path / "nowhere.yml")
    assert "cannot read" in problem


def test_reimport_replaces_the_exercise_whole(tmp_path: Path) -> None:
    factory = make_session_factory(make_engine(Settings(data_dir=tmp_path).sqlalchemy_url))
    pack = other_pack()
    import_pack(factory, load_pack(write_pack(tmp_path / "a.yml", pack)))
    pack["topics"] = pack["topics"][:1]
    import_pack(factory, load_pack(write_pack(tmp_path / "b.yml", pack)))
    with factory() as session:
        assert session.scalars(select(TopicItem.id)).all() == ["mess-tent"]


def test_a_failed_transaction_leaves_nothing_behind(tmp_path: Path) -> None:
    factory = make_session_factory(make_engine(Settings(data_dir=tmp_path).sqlalchemy_url))
    import_pack(factory, load_pack(SAMPLE_PACK))
    exercise_id = read_pack(SAMPLE_PACK)["exercise"]["id"]
    with pytest.raises(RuntimeError), transaction(factory) as session:
        session.delete(session.get(Exercise, exercise_id))
        session.flush()
        raise RuntimeError("fault half-way through a write")
    with factory() as session:
        assert session.get(Exercise, exercise_id) is not None
        assert session.scalars(select(TopicItem).where(TopicItem.exercise_id == exercise_id)).all()
