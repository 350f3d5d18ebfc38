"""bot.patches.sanitize_keeping_fingerprints: the training data read through Rasa's importer
chain is the same with and without it (examples, order, fingerprints computed afresh), and it
still strips names and drops duplicates as Rasa does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from rasa.shared.importers.importer import TrainingDataImporter
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.shared.utils.io import deep_container_fingerprint

from bot.patches._originals import Originals

ROOT = Path(__file__).resolve().parents[3]
# Two languages' data, Arabizi and Roman Urdu among them, and the domain (its responses).
DATA = [ROOT / "data" / "nlu" / "en", ROOT / "data" / "nlu" / "ur", ROOT / "data" / "rules.yml"]


def _read() -> list[tuple[Any, ...]]:
    importer = TrainingDataImporter.load_from_dict(
        domain_path=str(ROOT / "domain.yml"), training_data_paths=[str(p) for p in DATA]
    )
    data = importer.get_nlu_data("xx")
    return [
        (
            message.data,
            message.output_properties,
            deep_container_fingerprint([message.data, message.features]),
            message.fingerprint(),  # the cached one, if any: never stale
        )
        for message in data.training_examples
    ]


def test_the_importers_give_the_same_examples(apply_patch: Callable[..., Originals]) -> None:
    rasas = _read()
    apply_patch("sanitize_keeping_fingerprints")
    patched = _read()
    assert len(patched) == len(rasas) > 5000
    assert patched == rasas
    assert all(fresh == cached for _, _, fresh, cached in patched)


def test_names_are_stripped_and_duplicates_dropped_as_rasa_does(
    apply_patch: Callable[..., Originals],
) -> None:
    def examples() -> list[Message]:
        return [
            Message(data={"text": "when is lunch", "intent": " ask_meal_times "}),
            Message(data={"text": "when is lunch", "intent": "ask_meal_times"}),
            Message(data={"text": "hi", "intent": "greet"}),
            Message(data={"text": "faq", "intent": "faq", "response": "faq/meals\n"}),
            Message(data={"text": "hello"}),
        ]

    def kept(data: TrainingData) -> list[tuple[dict[str, Any], str]]:
        return [(m.data, m.fingerprint()) for m in data.training_examples]

    rasas = kept(TrainingData(examples()))
    apply_patch("sanitize_keeping_fingerprints")
    fingerprinted = examples()
    for message in fingerprinted:
        message.fingerprint()  # cached before the clean-up, as a merge's copies are
    assert kept(TrainingData(examples())) == rasas == kept(TrainingData(fingerprinted))
    assert [d["intent"] for d, _ in rasas if "intent" in d] == ["ask_meal_times", "greet", "faq"]
