"""tools.nlu.same_parses: what counts as a changed prediction."""

from __future__ import annotations

from typing import Any

from tools.nlu.same_parses import differences

PARSE: dict[str, Any] = {
    "intent": {"name": "ask_venue_info", "confidence": 0.8380155825510739},
    "entities": [{"entity": "venue", "value": "الثكنات", "start": 26, "end": 33}],
    "intent_ranking": [{"name": "ask_venue_info", "confidence": 0.8380155825510739}],
}


def test_the_same_parse_and_float_noise_are_no_difference() -> None:
    assert differences(PARSE, PARSE) == []
    noisy = {**PARSE, "intent": {"name": "ask_venue_info", "confidence": 0.8380155825510739 + 1e-9}}
    assert differences(PARSE, noisy) == []


def test_a_confidence_an_intent_or_an_entity_changed_is_reported() -> None:
    moved = {**PARSE, "intent": {"name": "ask_venue_info", "confidence": 0.8381}}
    assert differences(PARSE, moved) == [".intent.confidence: 0.8380155825510739 != 0.8381"]
    renamed = {**PARSE, "intent": {"name": "ask_transport", "confidence": 0.8380155825510739}}
    assert len(differences(PARSE, renamed)) == 1
    shifted = {**PARSE, "entities": [{**PARSE["entities"][0], "end": 32}]}
    assert differences(PARSE, shifted) == [".entities[0].end: 33 != 32"]
    assert len(differences(PARSE, {**PARSE, "entities": []})) == 1
    assert len(differences(PARSE, {k: v for k, v in PARSE.items() if k != "entities"})) == 1
    assert differences(None, PARSE) != []  # a text the baseline never parsed
