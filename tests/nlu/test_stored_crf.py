"""StoredCRFEntityExtractor (bot/nlu/stored_crf.py) against Rasa's CRFEntityExtractor: two tiny
models trained on the same annotated data, one with each, give the same entities with the same
confidences; ours loads without training the CRF again."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot.nlu.stored_crf import StoredCRFEntityExtractor
from tests.nlu.tiny_training import train_tiny_nlu

EXAMPLES = {
    "ask_venue_info": [
        "where is the [gym](venue)",
        "where is the [mess](venue) please",
        "how do I get to the [clinic](venue)",
        "is the [gym](venue) open on [friday](date)",
        "when does the [camp shop](venue) open [tomorrow](date)",
        "where is [block 20](venue)",
        "où est la [salle de sport](venue)",
        "le [mess](venue) ouvre quand [demain](date)",
    ],
    "ask_event_info": [
        "when is the [opening ceremony](event)",
        "what time is the [welcome dinner](event) on [monday](date)",
        "where is the [closing ceremony](event)",
        "à quelle heure est la [cérémonie d'ouverture](event)",
        "c'est où le [dîner de bienvenue](event) [lundi](date)",
    ],
}
QUESTIONS = [
    "where is the clinic on friday",
    "when is the welcome dinner",
    "le mess ouvre quand lundi",
    "how do I get to block 20",
]


def config(extractor: str) -> dict[str, Any]:
    return {
        "recipe": "default.v1",
        "language": "xx",
        "assistant_id": "test",
        "pipeline": [
            {"name": "WhitespaceTokenizer"},
            {"name": "CountVectorsFeaturizer"},
            {"name": extractor, "L1_c": 0.0, "L2_c": 0.001},
        ],
        "policies": [],
    }


def parsed_entities(model: str) -> list[list[dict[str, Any]]]:
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    found = []
    for question in QUESTIONS:
        entities = asyncio.run(agent.parse_message(question))["entities"]
        found.append([{k: v for k, v in e.items() if k != "extractor"} for e in entities])
    return found


def test_same_entities_as_rasas_crf_and_no_training_on_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "rasa").mkdir()
    (tmp_path / "ours").mkdir()
    rasas = train_tiny_nlu(config("CRFEntityExtractor"), EXAMPLES, tmp_path / "rasa")
    ours = train_tiny_nlu(
        config("bot.nlu.stored_crf.StoredCRFEntityExtractor"), EXAMPLES, tmp_path / "ours"
    )
    expected = parsed_entities(rasas)
    assert sum(map(len, expected)) >= 4  # the questions hold entities the CRF finds

    def no_training(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the CRF was trained again on load")

    monkeypatch.setattr(StoredCRFEntityExtractor, "train_model", no_training)
    found = parsed_entities(ours)
    # Ours leaves out the features whose value is False (crfsuite's zero-valued attributes):
    # the same spans, and confidences that differ only by L-BFGS's path (within 0.001).
    assert _spans(found) == _spans(expected)
    assert [e["confidence_entity"] for m in found for e in m] == pytest.approx(
        [e["confidence_entity"] for m in expected for e in m], abs=1e-3
    )


def _spans(parsed: list[list[dict[str, Any]]]) -> list[list[tuple[str, int, int, str]]]:
    return [[(e["entity"], e["start"], e["end"], e["value"]) for e in m] for m in parsed]


def test_no_feature_is_false() -> None:
    """The word flags' False values and title/upper on folded text were most of a token's
    attributes: none reaches crfsuite."""
    from rasa.nlu.extractors.crf_entity_extractor import CRFToken

    def token(text: str, flags: dict[str, bool]) -> CRFToken:
        # Only the text and the flags matter to these features.
        return CRFToken(text, "", flags, np.zeros(0), "O", "", "")

    tokens = [
        token("where", {"rare_word": False, "date_word_en": False}),
        token("friday", {"rare_word": False, "date_word_en": True}),
    ]
    config = StoredCRFEntityExtractor.get_default_config()
    features = StoredCRFEntityExtractor._crf_tokens_to_features(tokens, config)
    assert features[1]["0:pattern:date_word_en"] is True and features[1]["-1:low"] == "where"
    assert not [name for token in features for name, value in token.items() if value is False]
