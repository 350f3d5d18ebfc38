"""The fallback threshold per language."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.fallback_classifier import LanguageFallbackClassifier
from bot.nlu.language_detector import DETECTED_LANGUAGE

CONFIG = {
    **LanguageFallbackClassifier.get_default_config(),
    "threshold": 0.35,
    "ambiguity_threshold": 0.1,
    "language_thresholds": {"ar": 0.25},
}


def classify(confidence: float, language: str | None, second: float = 0.0) -> Message:
    message = Message(data={TEXT: "x"})
    if language:
        message.set(DETECTED_LANGUAGE, language)
    ranking = [
        {"name": "ask_medical", "confidence": confidence},
        {"name": "ask_contacts", "confidence": second},
    ]
    message.set(INTENT, dict(ranking[0]))
    message.set(INTENT_RANKING_KEY, ranking)
    [message] = LanguageFallbackClassifier(CONFIG).process([message])
    return message


@pytest.mark.parametrize(
    "confidence,language,expected",
    [
        (0.30, "ar", "ask_medical"),  # above the Arabic threshold
        (0.20, "ar", "nlu_fallback"),
        (0.30, "en", "nlu_fallback"),  # below the default
        (0.30, None, "nlu_fallback"),  # language not detected: the default
        (0.40, "fr", "ask_medical"),
    ],
)
def test_each_language_has_its_threshold(
    confidence: float, language: str | None, expected: str
) -> None:
    assert classify(confidence, language).get(INTENT)["name"] == expected


def test_a_rejection_looks_like_rasas() -> None:
    message = classify(0.2, "ar")
    assert message.get(INTENT) == {"name": "nlu_fallback", "confidence": 0.25}
    ranking = message.get(INTENT_RANKING_KEY)
    assert ranking[0] == {"name": "nlu_fallback", "confidence": 0.25}
    assert [r["name"] for r in ranking[1:]] == ["ask_medical", "ask_contacts"]


def test_too_close_a_second_intent_still_falls_back() -> None:
    assert classify(0.45, "ar", second=0.40).get(INTENT)["name"] == "nlu_fallback"
