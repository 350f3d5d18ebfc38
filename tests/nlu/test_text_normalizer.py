from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.text_normalizer import (
    NORMALIZED_TEXT,
    OriginalTextRestorer,
    TextNormalizer,
    original_span,
)
from common.textnorm import fold, fold_with_offsets
from tests.nlu.tiny_training import train_tiny_nlu


@pytest.mark.parametrize(
    "text,expected",
    [
        ("أَيْنَ المُصَلّى", "اين المصلي"),  # diacritics, hamza on alef, alef maqsura
        ("الصـــلاة", "الصلاه"),  # tatweel, ta marbuta
        ("إفطار آخر", "افطار اخر"),
        ("المبنى ١٢ و ۷", "المبني 12 و 7"),  # Arabic-Indic and Eastern digits
        ("Où est la salle de PRIÈRE ?", "ou est la salle de priere ?"),
        # Urdu typed on an Urdu and on an Arabic keyboard: one word either way
        ("کھانا کب ہے", "كهانا كب هے"),
        ("كهانا كب هے", "كهانا كب هے"),
        ("میس کی ٹائمنگ", "ميس كي ٹايمنگ"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected
    assert fold_with_offsets(text)[0] == expected


def test_entity_spans_follow_the_text_in_training_and_inference() -> None:
    text = "وين الصّالة الرياضية بكرة"
    start = text.index("الصّالة")
    end = start + len("الصّالة الرياضية")
    message = Message(
        data={TEXT: text, ENTITIES: [{"start": start, "end": end, "entity": "venue", "value": "x"}]}
    )
    TextNormalizer().process_training_data(TrainingData([message]))
    [entity] = message.get(ENTITIES)
    assert message.get(TEXT)[entity["start"] : entity["end"]] == fold("الصّالة الرياضية")

    [parsed] = TextNormalizer().process([Message(data={TEXT: "الصّالة"})])
    assert parsed.get(TEXT) == "الصاله"


def test_after_the_pipeline_text_is_what_was_typed_and_spans_index_it() -> None:
    typed = "وين الصّالة الرياضية بكرة"
    message = Message(data={TEXT: typed})
    message.set(ENTITIES, [{"entity": "language", "value": "ar", "start": 0, "end": len(typed)}])
    [message] = TextNormalizer().process([message])
    folded = message.get(TEXT)
    assert folded == fold(typed)
    # What the CRF would find, in the folded text the pipeline reads.
    start = folded.index("الصاله")
    venue = {"entity": "venue", "value": "الصاله الرياضيه", "start": start, "end": start + 15}
    message.set(ENTITIES, [*message.get(ENTITIES), venue])

    [message] = OriginalTextRestorer().process([message])
    parse_data = message.as_dict(only_output_properties=True)
    assert parse_data[TEXT] == typed
    assert parse_data[NORMALIZED_TEXT] == folded
    language, venue = message.get(ENTITIES)
    assert (language["start"], language["end"]) == (0, len(typed))
    assert typed[venue["start"] : venue["end"]] == "الصّالة الرياضية"
    assert venue["value"] == "الصاله الرياضيه"  # the value the model found is left alone


@pytest.mark.parametrize(
    "typed,span,expected",
    [
        ("مصلّى النساء", "مصلي", "مصلّى"),  # a mark after the last letter stays with it
        ("أَيْنَ", "اين", "أَيْنَ"),
        ("Où est la PRIÈRE", "priere", "PRIÈRE"),
        ("الصـــلاة الآن", "الصلاه", "الصـــلاة"),  # tatweel inside the word
    ],
)
def test_a_folded_span_maps_back_to_the_typed_characters(
    typed: str, span: str, expected: str
) -> None:
    folded, offsets = fold_with_offsets(typed)
    start = folded.index(span)
    first, last = original_span(offsets, start, start + len(span))
    assert typed[first:last] == expected


def test_a_message_the_normaliser_never_saw_is_left_alone() -> None:
    message = Message(data={TEXT: "/greet"})
    OriginalTextRestorer().process([message])
    assert message.get(TEXT) == "/greet" and message.get(NORMALIZED_TEXT) is None


def _tiny_pipeline(restore: bool) -> dict[str, Any]:
    pipeline = [
        {"name": "bot.nlu.language_detector.LanguageDetector", "learn_vocabulary": False},
        {"name": "bot.nlu.text_normalizer.TextNormalizer"},
        {"name": "WhitespaceTokenizer"},
        {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "min_ngram": 1, "max_ngram": 3},
        {"name": "bot.nlu.linear_intent_classifier.LinearIntentClassifier"},
    ]
    if restore:
        pipeline.append({"name": "bot.nlu.text_normalizer.OriginalTextRestorer"})
    return {
        "recipe": "default.v1",
        "language": "xx",
        "assistant_id": "normalizer-test",
        "pipeline": pipeline,
        "policies": [],
    }


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Path]:
    examples = {
        "ask_prayer_facilities": ["أين المصلى", "وين المصلى", "où est la salle de prière"],
        "ask_meal_times": ["متى الغداء", "وقت العشاء", "à quelle heure est le dîner"],
    }
    return {
        restore: Path(
            train_tiny_nlu(
                _tiny_pipeline(restore), examples, tmp_path_factory.mktemp(f"r{restore}")
            )
        )
        for restore in (False, True)
    }


def test_the_parse_data_carries_the_typed_text_and_the_same_predictions(
    tiny_models: dict[bool, Path],
) -> None:
    from rasa.core.agent import Agent

    typed = "أَيْنَ المُصَلّى؟"
    without, restored = (
        asyncio.run(Agent.load(str(tiny_models[r])).parse_message(typed)) for r in (False, True)
    )
    assert without["text"] == fold(typed)  # what actions used to get
    assert restored["text"] == typed
    assert restored["normalized_text"] == fold(typed)
    assert restored["intent"] == without["intent"]
    assert restored["intent_ranking"] == without["intent_ranking"]
    [language] = restored["entities"]
    assert (language["value"], language["start"], language["end"]) == ("ar", 0, len(typed))
