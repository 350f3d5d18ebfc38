"""A change to the code a component calls retrains it: Rasa's cache key covers only the class."""

from __future__ import annotations

import inspect

import pytest
from rasa.engine.training.fingerprinting import calculate_fingerprint_key

import common.textnorm
from bot.nlu.arabizi import ArabiziTransliterator
from bot.nlu.text_normalizer import TextNormalizer


@pytest.mark.parametrize("component", [TextNormalizer, ArabiziTransliterator])
def test_an_edited_fold_changes_the_cache_key(
    component: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = calculate_fingerprint_key(component, {}, {})
    source = inspect.getsource

    def edited(obj: object) -> str:
        text = source(obj)  # type: ignore[arg-type]
        return text + "\n# one more folded letter" if obj is common.textnorm else text

    monkeypatch.setattr(inspect, "getsource", edited)
    assert calculate_fingerprint_key(component, {}, {}) != before


def test_the_key_is_stable_while_the_code_is() -> None:
    assert calculate_fingerprint_key(TextNormalizer, {}, {}) == calculate_fingerprint_key(
        TextNormalizer, {}, {}
    )
