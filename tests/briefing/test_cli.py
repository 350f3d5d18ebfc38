"""`liaison briefing`: files where they are expected, progress on stderr, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from lookup.cli import main
from tests.packs import SAMPLE_PACK, read_pack

SAMPLE = read_pack(SAMPLE_PACK)
EXERCISE = SAMPLE["exercise"]["id"]
PARTNERS = [n["code"] for n in SAMPLE["exercise"]["nations"] if n["role"] == "partner"]


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LIAISON_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("LIAISON_EXERCISE_ID", raising=False)
    return tmp_path / "data"


@pytest.fixture
def loaded() -> None:
    assert main(["import-pack", str(SAMPLE_PACK)]) == 0


def test_pdf_to_the_default_place_with_progress(
    loaded: None, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    audience = PARTNERS[-1]
    args = ["briefing", "--exercise", EXERCISE, "--audience", audience, "--lang", "ar"]
    assert main([*args, "--kind", "card", "--format", "pdf"]) == 0
    out, err = capsys.readouterr()
    written = data_dir / "briefings" / f"{EXERCISE}-card-{audience}-ar.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert f"wrote {written}, 1 page(s)" in out
    assert "[1/4]" in err and "[4/4] writing 1 page(s)" in err


def test_html_to_stdout_or_a_file(
    loaded: None, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    capsysbinary.readouterr()
    audience = PARTNERS[0]
    assert main(["briefing", "--audience", audience, "--lang", "en", "-o", "-", "-q"]) == 0
    out, err = capsysbinary.readouterr()
    assert out.startswith(b"<!doctype html>") and err == b""
    target = tmp_path / "quiz.html"
    args = ["briefing", "--audience", audience, "--lang", "fr", "--kind", "quiz"]
    assert main([*args, "--pass-mark", "80", "-o", str(target)]) == 0
    assert 'data-pass-mark="80"' in target.read_text(encoding="utf-8")


def test_clear_errors(loaded: None, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()

    def error(*args: str) -> str:
        assert main(["briefing", "-q", *args]) == 2
        return capsys.readouterr().err

    assert f"'nope' is not loaded (loaded: {EXERCISE})" in error(
        "--exercise", "nope", "--audience", PARTNERS[0], "--lang", "en"
    )
    unknown = error("--audience", "zzz", "--lang", "en")
    assert "not a nation" in unknown and all(code in unknown for code in PARTNERS)
    assert "not a language of exercise" in error("--audience", PARTNERS[0], "--lang", "de")
    assert "quiz-sheet" in error(
        "--audience", PARTNERS[0], "--lang", "en", "--kind", "quiz", "--format", "pdf"
    )


def test_nothing_loaded(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["briefing", "--audience", "nmk", "--lang", "en"]) == 2
    assert "import-pack" in capsys.readouterr().err
