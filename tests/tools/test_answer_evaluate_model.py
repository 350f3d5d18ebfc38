"""`make eval-answers` on a model of one's own: `--model PATH` serves that model (a scratch one,
never overwriting models/current.tar.gz), the default stays models/current.tar.gz, and the report
says which model answered."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tools.answers import evaluate


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[Path | None]:
    """The model each pack's stack would serve (no stack is started)."""
    models: list[Path | None] = []

    def fake_pack(
        exercise_id: str, workdir: Path, langs: tuple[str, ...], model: Path | None = None
    ) -> list[dict[str, Any]]:
        models.append(model)
        return []

    monkeypatch.setattr(evaluate, "evaluate_pack", fake_pack)
    monkeypatch.delenv("LIAISON_MODEL", raising=False)
    return models


def test_a_model_of_ones_own_is_served_and_reported(served: list, tmp_path: Path) -> None:
    scratch = tmp_path / "scratch.tar.gz"
    scratch.write_bytes(b"not read here")
    out = tmp_path / "answers.json"
    assert evaluate.main(["--model", str(scratch), "--out", str(out)]) == 0
    assert served and all(model == scratch for model in served)
    assert json.loads(out.read_text())["model"] == str(scratch)


def test_the_default_is_the_current_model(served: list, tmp_path: Path) -> None:
    out = tmp_path / "answers.json"
    assert evaluate.main(["--out", str(out), "--pack", "sand-heron-27"]) == 0
    assert served == [None]
    assert json.loads(out.read_text())["model"].endswith("models/current.tar.gz")


def test_a_model_that_is_not_there_is_refused(served: list, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        evaluate.main(["--model", str(tmp_path / "missing.tar.gz")])
    assert served == []
