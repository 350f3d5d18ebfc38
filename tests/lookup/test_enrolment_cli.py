"""`liaison new-enrolment-code`, `revoke-enrolment-code`, `list-enrolment-codes` (issue 19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lookup.cli import main
from lookup.settings import Settings
from lookup.store.database import make_engine, make_session_factory
from lookup.store.enrolment import canonical, enrol, find_code
from lookup.store.items import now
from tests.packs import SAMPLE_PACK


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LIAISON_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("LIAISON_EXERCISE_ID", raising=False)
    assert main(["import-pack", str(SAMPLE_PACK)]) == 0
    return tmp_path / "data"


def test_a_code_is_made_printed_last_listed_and_revoked(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    capsys.readouterr()
    assert main(["new-enrolment-code", "--nation", "nmk", "--uses", "2"]) == 0
    code = capsys.readouterr().out.strip().splitlines()[-1]
    assert canonical(code) is not None
    engine = make_engine(Settings().sqlalchemy_url)
    factory = make_session_factory(engine)
    with factory() as session:
        assert enrol(session, "telegram", "7", code, now()).nation == "nmk"
        session.commit()
    assert main(["list-enrolment-codes"]) == 0
    listing = capsys.readouterr().out
    assert "nmk\tactive\t1/2\ttelegram:7" in listing and code not in listing
    assert main(["revoke-enrolment-code", code]) == 0
    with factory() as session:
        row = find_code(session, code)
        assert row is not None and row.revoked_at is not None
    engine.dispose()


@pytest.mark.parametrize(
    "args",
    [
        ["--nation", "xyz"],
        ["--nation", "nmk", "--uses", "0"],
        ["--nation", "nmk", "--expires", "2001-01-01"],
    ],
)
def test_a_code_for_no_such_nation_or_none_at_all_is_refused(
    capsys: pytest.CaptureFixture[str], data_dir: Path, args: list[str]
) -> None:
    assert main(["new-enrolment-code", *args]) == 2
    assert "no code made" in capsys.readouterr().err


def test_the_nations_are_listed_one_a_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    capsys.readouterr()
    assert main(["list-nations"]) == 0
    assert capsys.readouterr().out.split() == ["nhr", "nmk", "vlm"]
