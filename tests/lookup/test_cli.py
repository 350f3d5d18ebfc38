from __future__ import annotations

from pathlib import Path

import pytest

from lookup.cli import main
from lookup.settings import Settings
from tests.packs import SAMPLE_PACK, other_pack, write_pack


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LIAISON_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return tmp_path / "data"


def test_import_pack_loads_the_sample(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    assert main(["import-pack", str(SAMPLE_PACK)]) == 0
    assert "loaded exercise 'sand-heron-27' (" in capsys.readouterr().out
    assert (data_dir / "liaison.db").exists()


def test_bad_pack_exits_2_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import-pack", str(SAMPLE_PACK)]) == 0
    pack = other_pack()
    pack["exercise"]["id"] = "sand-heron-27"
    pack["events"][0]["venue"] = "nowhere"
    bad = write_pack(tmp_path / "bad.yml", pack)
    capsys.readouterr()
    assert main(["import-pack", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "nothing changed" in err and "venue: no venue with id 'nowhere'" in err
    # The sample is still what is loaded: --if-absent sees it and keeps it.
    assert main(["import-pack", "--if-absent", str(SAMPLE_PACK)]) == 0
    assert "already loaded" in capsys.readouterr().out


def test_missing_translations_load_with_warnings_unless_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = other_pack()
    del pack["topics"][0]["title"]["ar"]
    partial = write_pack(tmp_path / "partial.yml", pack)
    assert main(["import-pack", "--strict", str(partial)]) == 2
    assert "title.ar: missing translation" in capsys.readouterr().err
    assert main(["import-pack", str(partial)]) == 0
    captured = capsys.readouterr()
    assert "warning:" in captured.err and "title.ar: missing translation" in captured.err
    assert "1 missing translation(s)" in captured.out


def test_pack_schema_is_published(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pack-schema"]) == 0
    assert '"format_version"' in capsys.readouterr().out


def test_a_new_service_token_is_written_privately_and_read_by_both_sides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    token_file = tmp_path / "secrets" / "service-token"
    assert main(["new-service-token", "--file", str(token_file)]) == 0
    token = token_file.read_text().strip()
    assert len(token) >= 32 and token not in capsys.readouterr().out  # never printed
    assert token_file.stat().st_mode & 0o777 == 0o600
    settings = Settings(data_dir=tmp_path, service_token_file=token_file)
    assert settings.service_token_value() == token
    main(["new-service-token", "--file", str(token_file)])
    assert token_file.read_text().strip() != token  # replaced, not appended
