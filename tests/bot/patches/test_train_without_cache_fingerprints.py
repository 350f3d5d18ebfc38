"""bot.patches.train_without_cache_fingerprints: with Rasa's training cache off, a training hashes
nothing for it and runs no fingerprint run, and the model parses as Rasa's own training's does;
with the cache on, Rasa's own functions run."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import rasa.shared.utils.io
from rasa.engine.training.graph_trainer import GraphTrainer

from bot.patches._originals import Originals
from tests.nlu.tiny_training import EXAMPLES, train_tiny_nlu

CONFIG = {
    "language": "xx",
    "assistant_id": "tiny",
    "pipeline": [
        {"name": "WhitespaceTokenizer"},
        {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "min_ngram": 1, "max_ngram": 3},
        {"name": "LogisticRegressionClassifier"},
    ],
    "policies": [],
}
# Where rasa/engine/training/ hashes for the cache.
CACHE_MODULES = {"hooks", "fingerprinting"}
QUESTIONS = ["what time is lunch", "متى الباص", "salut", "navette aéroport", "hello"]


@pytest.fixture()
def counted(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[dict[str, int]]:
    """How often a training hashes something for the cache (Rasa's training hook and fingerprint
    keys; loading data hashes messages too, to drop duplicates) and runs the fingerprint run;
    Rasa's cache, when on, in tmp_path/cache."""
    monkeypatch.setenv("RASA_CACHE_DIRECTORY", str(tmp_path / "cache"))
    counts = {"hashes": 0, "fingerprint runs": 0}
    hash_container = rasa.shared.utils.io.deep_container_fingerprint
    fingerprint_run = GraphTrainer.fingerprint

    def hashing(*args: Any, **kwargs: Any) -> str:
        caller = Path(sys._getframe(1).f_code.co_filename)
        if caller.parent.name == "training" and caller.stem in CACHE_MODULES:
            counts["hashes"] += 1
        return hash_container(*args, **kwargs)

    def running(*args: Any, **kwargs: Any) -> Any:
        counts["fingerprint runs"] += 1
        return fingerprint_run(*args, **kwargs)

    monkeypatch.setattr(rasa.shared.utils.io, "deep_container_fingerprint", hashing)
    monkeypatch.setattr(GraphTrainer, "fingerprint", running)
    yield counts


def _parses(model: str) -> list[tuple[str, list[tuple[str, float]]]]:
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    results = []
    for text in QUESTIONS:
        parsed = asyncio.run(agent.parse_message(text))
        ranking = [(r["name"], round(r["confidence"], 6)) for r in parsed["intent_ranking"]]
        results.append((parsed["intent"]["name"], ranking))
    return results


def _train(folder: Path, name: str) -> str:
    folder.mkdir()
    return train_tiny_nlu(CONFIG, EXAMPLES, folder, name)


def test_with_the_cache_off_nothing_is_hashed_and_the_model_parses_the_same(
    apply_patch: Callable[..., Originals],
    counted: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RASA_MAX_CACHE_SIZE", "0")
    rasa_own = _train(tmp_path / "rasa", "rasa")
    assert counted["fingerprint runs"] == 1
    assert counted["hashes"] > 0  # Rasa hashes for a cache that is off
    counted.update({"hashes": 0, "fingerprint runs": 0})

    apply_patch("train_without_cache_fingerprints")
    patched = _train(tmp_path / "patched", "patched")
    assert counted == {"hashes": 0, "fingerprint runs": 0}
    assert _parses(patched) == _parses(rasa_own)


def test_with_the_cache_on_rasa_caches_as_before(
    apply_patch: Callable[..., Originals],
    counted: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("RASA_MAX_CACHE_SIZE", raising=False)
    apply_patch("train_without_cache_fingerprints")
    _train(tmp_path / "first", "first")
    assert counted["fingerprint runs"] == 1 and counted["hashes"] > 0
    assert any((tmp_path / "cache").iterdir())  # Rasa's cache was written
