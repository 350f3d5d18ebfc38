from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from common.languages import LANGUAGES
from lookup.packs import importer
from lookup.packs.importer import import_pack
from lookup.packs.loader import PackError, load_pack
from lookup.packs.schema import TOPICS
from lookup.settings import Settings
from lookup.store.database import make_engine, make_session_factory
from lookup.store.items import write_item
from lookup.store.models import AuditEntry, Exercise, Item, ItemText
from tests.packs import SAMPLE_PACK, other_pack, write_pack


def errors_of(path: Path) -> list[str]:
    with pytest.raises(PackError) as raised:
        load_pack(path)
    return raised.value.problems


def line_of(path: Path, needle: str, after: str = "") -> int:
    """1-based line of the first line containing needle, after the first containing `after`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if after in line) if after else 0
    return next(n for n, line in enumerate(lines[start:], start + 1) if needle in line)


def test_sample_pack_is_complete_in_every_language_and_topic() -> None:
    loaded = load_pack(SAMPLE_PACK, strict=True)
    assert loaded.warnings == []
    # The sample speaks every language the assistant does, each text in each of them.
    assert loaded.pack.exercise.languages == list(LANGUAGES)
    assert {item.topic for item in loaded.pack.topics} == set(TOPICS)
    assert {rank.code for rank in loaded.pack.ranks} == {
        *(f"OF-{n}" for n in range(1, 11)),
        *(f"OR-{n}" for n in range(1, 10)),
    }


def test_missing_translation_is_reported_with_file_line_item_and_field(tmp_path: Path) -> None:
    pack = other_pack()
    del pack["topics"][2]["text"]["ar"]
    path = write_pack(tmp_path / "pack.yml", pack)
    [warning] = load_pack(path).warnings
    # The line of the item's `text:` mapping, which lacks the `ar` key.
    assert warning.startswith(f"{path}:{line_of(path, 'text:', after='id: medic')}: ")
    assert "topics[2] (id medic): text.ar: missing translation" in warning
    with pytest.raises(PackError) as strict:
        load_pack(path, strict=True)
    assert strict.value.problems == [warning]


def test_references_nations_and_dates_are_checked(tmp_path: Path) -> None:
    pack = other_pack()
    pack["events"][0]["venue"] = "atlantis"
    pack["events"][0]["dress"] = "kilt"
    pack["events"][0]["end"] = pack["events"][0]["start"]
    pack["ranks"][0]["titles"]["xxx"] = pack["ranks"][0]["titles"]["hst"]
    pack["exercise"]["flag_order"] = ["hst"]
    pack["exercise"]["nations"][1]["role"] = "host"
    pack["contacts"][0]["last_updated"] = "2999-01-01T00:00:00Z"
    problems = "\n".join(errors_of(write_pack(tmp_path / "pack.yml", pack)))
    assert "events[0] (id raising): venue: no venue with id 'atlantis'" in problems
    assert "events[0] (id raising): dress: no dress code with id 'kilt'" in problems
    assert "events[0] (id raising): end: must be after start" in problems
    assert "ranks[0] (id of-2): titles.xxx: not a nation of the exercise" in problems
    assert "exercise: flag_order: must list every nation code exactly once" in problems
    assert "exercise: nations: needs exactly one nation with role: host" in problems
    assert "contacts[0] (id desk): last_updated: is in the future" in problems


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
    pack["topics"][0]["last_updated"] = "2026-05-02T08:15:00"
    [problem] = errors_of(write_pack(tmp_path / "pack.yml", pack))
    assert "topics[0] (id mess-tent): last_updated: needs a time zone" in problem


def test_yaml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yml"
    path.write_text("format_version: 1\nexercise:\n  id: [unclosed\n", encoding="utf-8")
    [problem] = errors_of(path)
    assert problem.startswith(f"{path}:") and "not valid YAML" in problem


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    [problem] = errors_of(tmp_path / "nowhere.yml")
    assert "cannot read" in problem


def test_reimport_replaces_the_exercise_whole(settings: Settings, tmp_path: Path) -> None:
    factory = make_session_factory(make_engine(settings.sqlalchemy_url))
    pack = other_pack()
    import_pack(factory, load_pack(write_pack(tmp_path / "a.yml", pack)).pack)
    pack["topics"] = pack["topics"][:1]
    import_pack(factory, load_pack(write_pack(tmp_path / "b.yml", pack)).pack)
    with factory() as session:
        topics = select(Item.id).where(Item.kind == "topic")
        assert session.scalars(topics).all() == ["mess-tent"]
        assert session.scalars(select(AuditEntry.action)).all() == ["import", "import"]


def test_a_failed_import_leaves_the_previous_exercise_whole(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    factory = make_session_factory(make_engine(settings.sqlalchemy_url))
    pack = other_pack()
    import_pack(factory, load_pack(write_pack(tmp_path / "a.yml", pack)).pack)
    with factory() as session:
        before = session.scalar(select(func.count()).select_from(ItemText))

    calls = 0

    def fail_on_third(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("fault half-way through an import")
        return write_item(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "write_item", fail_on_third)
    pack["topics"] = pack["topics"][:1]
    with pytest.raises(RuntimeError):
        import_pack(factory, load_pack(write_pack(tmp_path / "b.yml", pack)).pack)
    with factory() as session:
        assert session.get(Exercise, "test-oasis-99") is not None
        assert len(session.scalars(select(Item.id).where(Item.kind == "topic")).all()) == 4
        assert session.scalar(select(func.count()).select_from(ItemText)) == before
