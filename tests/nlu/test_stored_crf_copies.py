"""bot.nlu.stored_crf.with_copies: the CRF's examples and made-up copies, the same messages in the
same order as Rasa's TrainingData constructor keeps, without fingerprinting the originals."""

from __future__ import annotations

import numpy as np
import scipy.sparse
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.stored_crf import MADE_UP, with_copies


def _original(text: str, intent: str, column: int, entities: list | None = None) -> Message:
    message = Message(data={TEXT: text, "intent": f" {intent} ", "entities": entities or []})
    counts = scipy.sparse.coo_matrix(([1.0], ([0], [column])), shape=(1, 8))
    message.add_features(Features(counts, FEATURE_TYPE_SENTENCE, TEXT, "words"))
    return message


def _copy(text: str, intent: str) -> Message:
    message = Message(data={TEXT: text, "intent": intent + " ", "entities": []})
    message.add_features(
        Features(scipy.sparse.coo_matrix((1, 1)), FEATURE_TYPE_SENTENCE, TEXT, MADE_UP)
    )
    return message


def _both(originals: list[Message], copies: list[Message]) -> tuple[list[int], list[int]]:
    data = TrainingData(entity_synonyms={"lunch": "meal"})
    data.training_examples = originals
    ours = with_copies(data, copies)
    assert ours.entity_synonyms == {"lunch": "meal"}
    rasas = TrainingData(originals + copies, entity_synonyms={"lunch": "meal"})
    return [id(m) for m in ours.training_examples], [id(m) for m in rasas.training_examples]


def test_the_same_examples_in_the_same_order_as_rasas_constructor() -> None:
    originals = [
        _original("when is lunch", "ask_meal", 1, [{"entity": "meal", "start": 8, "end": 13}]),
        _original("when is lunch", "ask_meal", 2),  # the same text, other entities
        _original("when is dinner", "ask_meal", 3),
        _original("bus?", "ask_transport", 4),
    ]
    # A copy with an original's text and intent, and copies repeating each other.
    copies = [_copy("when is dinner", "ask_meal"), _copy("bus?", "ask_transport")]
    copies += [_copy("when is dinner", "ask_meal"), _copy("the shuttle?", "ask_transport")]
    ours, rasas = _both(originals, copies)
    assert ours == rasas
    assert len(rasas) == 7  # the repeated copy dropped
    assert all(m.get("intent") == m.get("intent").strip() for m in originals + copies)


def test_originals_alike_go_through_rasas_constructor() -> None:
    alike = [_original("hello", "greet", 1), _original("hello", "greet", 1)]
    ours, rasas = _both(alike, [_copy("hi", "greet")])
    assert ours == rasas and len(rasas) == 2
    made_up = _original("hi", "greet", 1)
    made_up.add_features(
        Features(scipy.sparse.coo_matrix((1, 1)), FEATURE_TYPE_SENTENCE, TEXT, MADE_UP)
    )
    ours, rasas = _both([made_up, _original("bye", "goodbye", 2)], [_copy("hi", "greet")])
    assert ours == rasas
    assert np.array_equal(ours, rasas)
