"""`make eval-answers` on a model of one's own: `--model PATH` serves that model (a scratch one,
never overwriting models/current.tar.gz), the default stays models/current.tar.gz, and the report
says which model answered. `--questions DIR` asks another folder's questions (the retired
development ones); the default is the held-out tests/answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tools.answers import evaluate


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path | None, Path]]:
    """The model and the questions folder each pack's stack would use (no stack is started)."""
    made: list[tuple[Path | None, Path]] = []

    def fake_pack(
        exercise_id: str,
        workdir: Path,
        langs: tuple[str, ...],
        model: Path | None = None,
        questions_dir: Path = evaluate.QUESTIONS_DIR,
    ) -> list[dict[str, Any]]:
        made.append((model, questions_dir))
        return []

    monkeypatch.setattr(evaluate, "evaluate_pack", fake_pack)
    monkeypatch.delenv("LIAISON_MODEL", raising=False)
    return made


def test_a_model_of_ones_own_is_served_and_reported(calls: list, tmp_path: Path) -> None:
    scratch = tmp_path / "scratch.tar.gz"
    scratch.write_bytes(b"not read here")
    out = tmp_path / "answers.json"
    assert evaluate.main(["--model", str(scratch), "--out", str(out)]) == 0
    assert calls and all(model == scratch for model, _ in calls)
    assert json.loads(out.read_text())["model"] == str(scratch)


def test_the_default_is_the_current_model(calls: list, tmp_path: Path) -> None:
    out = tmp_path / "answers.json"
    assert evaluate.main(["--out", str(out), "--pack", "sand-heron-27"]) == 0
    assert [model for model, _ in calls] == [None]
    assert json.loads(out.read_text())["model"].endswith("models/current.tar.gz")


def test_a_model_that_is_not_there_is_refused(calls: list, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        evaluate.main(["--model", str(tmp_path / "missing.tar.gz")])
    assert calls == []


def test_the_held_out_questions_are_asked_unless_told_otherwise(
    calls: list, tmp_path: Path
) -> None:
    out = tmp_path / "answers.json"
    evaluate.main(["--out", str(out), "--pack", "sand-heron-27"])
    development = tmp_path / "development"
    evaluate.main(["--out", str(out), "--pack", "sand-heron-27", "--questions", str(development)])
    assert [folder for _, folder in calls] == [evaluate.QUESTIONS_DIR, development]
