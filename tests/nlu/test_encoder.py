"""The pretrained-encoder configuration trains and parses with a model loaded from a local
directory, with the Hugging Face libraries offline. The model is a tiny BERT built here."""

from __future__ import annotations

import asyncio
import json
import os
import tarfile
from pathlib import Path

import pytest
import yaml

from tests.nlu.tiny_training import train_tiny_nlu
from tools.nlu_experiments.encoder import config_with_encoder

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {
    "greet": ["hello there", "bonjour à tous", "مرحبا بكم", "good morning", "salut"],
    "ask_meal_times": [
        "when is lunch",
        "à quelle heure on mange",
        "متى الغداء",
        "dinner time",
        "repas ?",
    ],
}


def build_tiny_bert(directory: Path) -> None:
    from transformers import BertConfig, BertTokenizer, TFBertModel

    words = sorted({w for texts in EXAMPLES.values() for t in texts for w in t.lower().split()})
    # BERT's own layout: Rasa's BERT pre-processor adds [CLS] = 101 and [SEP] = 102 by id.
    unused = [f"[unused{i}]" for i in range(1, 100)]
    vocab = [
        "[PAD]",
        *unused,
        "[UNK]",
        "[CLS]",
        "[SEP]",
        "[MASK]",
        *words,
        *"abcdefghijklmnopqrstuvwxyz",
    ]
    directory.mkdir(parents=True)
    (directory / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    BertTokenizer(str(directory / "vocab.txt")).save_pretrained(str(directory))
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
    )
    model = TFBertModel(config)
    model(model.dummy_inputs)
    model.save_pretrained(str(directory))


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")


def test_trains_and_parses_with_a_local_encoder(tmp_path: Path, offline: None) -> None:
    from rasa.core.agent import Agent

    weights = tmp_path / "tiny-bert"
    build_tiny_bert(weights)
    base = yaml.safe_load((ROOT / "config.yml").read_text())
    config = config_with_encoder(base, weights)
    assert [s["name"] for s in config["pipeline"]].count("LanguageModelFeaturizer") == 1
    model = train_tiny_nlu(config, EXAMPLES, tmp_path)
    assert model and os.path.exists(model)
    agent = Agent.load(model)
    for text, intent in {"when is dinner": "ask_meal_times", "hello everyone": "greet"}.items():
        parsed = asyncio.run(agent.parse_message(text))
        # The model's own ranking (ten examples are too few to clear the fallback's ambiguity
        # margin, and that is not what this test is about).
        ranking = [r for r in parsed["intent_ranking"] if r["name"] != "nlu_fallback"]
        assert ranking[0]["name"] == intent, (text, ranking)
    assert "text_dense_features" not in parsed  # features stay internal; the parse is normal
    # The intent classifier was trained on the encoder's sentence vector (width 16) as well.
    with tarfile.open(model) as archive:
        meta = next(
            archive.extractfile(member)
            for member in archive.getmembers()
            if member.name.endswith("linear_intent_classifier.json")
        )
        assert meta is not None
        assert json.load(meta)["block_sizes"][0] == 16  # the encoder runs before the counts
