"""bot.patches.train_crf_in_child_process: with Rasa's training cache off, a CRF entity extractor
trains in a forked child process beside the other nodes, and the model is Rasa's own training's,
file for file and parse for parse; errors come out as Rasa's; with the cache on, Rasa's own run."""

from __future__ import annotations

import asyncio
import functools
import os
import tarfile
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rasa.nlu.extractors.crf_entity_extractor import CRFEntityExtractor

from bot.patches._originals import Originals
from bot.patches.train_crf_in_child_process import execution_order
from tests.nlu.tiny_training import EXAMPLES, train_tiny_nlu

CONFIG = {
    "language": "xx",
    "assistant_id": "tiny",
    "pipeline": [
        {"name": "WhitespaceTokenizer"},
        {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "min_ngram": 1, "max_ngram": 3},
        # The project's classifier, whose folds run in a pool of forked processes beside the
        # CRF's child (and whose files, unlike skops's, name their arrays the same each time).
        {"name": "bot.nlu.linear_intent_classifier.LinearIntentClassifier", "weighting": "tfidf"},
        {"name": "CRFEntityExtractor"},
        {"name": "EntitySynonymMapper"},
    ],
    "policies": [],
}
WITH_ENTITIES = {
    **EXAMPLES,
    "ask_meal_times": [
        *EXAMPLES["ask_meal_times"],
        "when is [lunch](meal) today",
        "what time is [dinner](meal)",
        "[breakfast](meal) hours please",
        "à quelle heure le [dîner](meal)",
        "l'heure du [déjeuner](meal)",
        "متى [الغداء](meal)",
        "موعد [العشاء](meal)",
    ],
    "ask_transport": [
        *EXAMPLES["ask_transport"],
        "a [bus](vehicle) to the airport",
        "is the [shuttle](vehicle) leaving",
        "la [navette](vehicle) part quand",
        "متى [الباص](vehicle)",
    ],
}
QUESTIONS = ["when is lunch", "what time is the dinner", "la navette part", "متى الباص", "salut"]


@pytest.fixture()
def crf_pids(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[], list[int]]:
    """The ids of the processes in which CRFEntityExtractor.train ran (written to a file, since
    a child's memory does not come back)."""
    record = tmp_path / "crf_pids"
    train = CRFEntityExtractor.train

    @functools.wraps(train)  # Rasa's graph validation reads the return annotation
    def recorded(self: CRFEntityExtractor, *args: Any, **kwargs: Any) -> Any:
        with record.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return train(self, *args, **kwargs)

    monkeypatch.setattr(CRFEntityExtractor, "train", recorded)
    return lambda: [int(line) for line in record.read_text().split()] if record.exists() else []


def _train(folder: Path, name: str) -> str:
    folder.mkdir()
    return train_tiny_nlu(CONFIG, WITH_ENTITIES, folder, name)


def _files(model: str, folder: Path) -> dict[str, Any]:
    """The model's files but its metadata (which has the training's date and id); a zip file
    (skops, npz) as its members' contents, without the dates of writing."""
    with tarfile.open(model) as archive:
        archive.extractall(folder)
    return {
        str(path.relative_to(folder)): _content(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "metadata.json"
    }


def _content(path: Path) -> Any:
    if not zipfile.is_zipfile(path):
        return path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in sorted(archive.namelist())}


def _parses(model: str) -> list[dict[str, Any]]:
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    return [
        {
            "intent_ranking": parsed["intent_ranking"],
            "entities": parsed["entities"],
        }
        for parsed in (asyncio.run(agent.parse_message(text)) for text in QUESTIONS)
    ]


def test_with_the_cache_off_the_crf_trains_in_a_child_and_the_model_is_rasas(
    apply_patch: Callable[..., Originals],
    crf_pids: Callable[[], list[int]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RASA_MAX_CACHE_SIZE", "0")
    rasa_own = _train(tmp_path / "rasa", "rasa")
    assert crf_pids() == [os.getpid()]

    apply_patch("train_crf_in_child_process")
    temporary = tmp_path / "temporary"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    patched = _train(tmp_path / "patched", "patched")
    pids = crf_pids()
    assert len(pids) == 2 and pids[1] != os.getpid()
    assert not list(temporary.glob("*.crfsuite"))  # the child's crfsuite files removed

    own_files = _files(rasa_own, tmp_path / "rasa_files")
    assert any("CRFEntityExtractor" in name for name in own_files)
    assert _files(patched, tmp_path / "patched_files") == own_files
    parses = _parses(rasa_own)
    assert any(p["entities"] for p in parses)
    assert _parses(patched) == parses


def test_an_error_in_the_child_is_rasas_error(
    apply_patch: Callable[..., Originals],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RASA_MAX_CACHE_SIZE", "0")

    @functools.wraps(CRFEntityExtractor.train)
    def broken(self: CRFEntityExtractor, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("no CRF today")

    monkeypatch.setattr(CRFEntityExtractor, "train", broken)
    errors = []
    for name in ("rasa", "patched"):
        if name == "patched":
            apply_patch("train_crf_in_child_process")
        with pytest.raises(Exception) as raised:
            _train(tmp_path / name, name)
        errors.append(raised.value)
    assert type(errors[1]) is type(errors[0])
    assert str(errors[1]) == str(errors[0])
    causes = [error.__cause__ for error in errors]
    assert type(causes[1]) is type(causes[0]) is ValueError
    assert str(causes[1]) == str(causes[0]) == "no CRF today"


def test_with_the_cache_on_rasa_runs_the_graph(
    apply_patch: Callable[..., Originals],
    crf_pids: Callable[[], list[int]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("RASA_MAX_CACHE_SIZE", raising=False)
    monkeypatch.setenv("RASA_CACHE_DIRECTORY", str(tmp_path / "cache"))
    apply_patch("train_crf_in_child_process")
    _train(tmp_path / "cached", "cached")
    assert crf_pids() == [os.getpid()]


class _Node:
    def __init__(self, *needs: str) -> None:
        self.needs = {f"in{i}": need for i, need in enumerate(needs)}


class _Schema:
    def __init__(self, nodes: dict[str, _Node]) -> None:
        self.nodes = nodes


def test_a_child_node_comes_right_after_its_inputs() -> None:
    schema = _Schema(
        {
            "data": _Node(),
            "features": _Node("data"),
            "classifier": _Node("features"),
            "crf": _Node("features"),
            "domain": _Node(),
            "policy": _Node("domain"),
        }
    )
    order = execution_order(schema, ("classifier", "crf", "policy"), {"crf"})
    assert order == ["data", "features", "crf", "classifier", "domain", "policy"]
    assert execution_order(schema, ("policy",), {"crf"}) == ["domain", "policy"]
