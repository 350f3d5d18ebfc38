"""bot.patches.read_nlu_data_once: the importer chain gives the same NLU data and domain with and
without it, for either language code, reading the YAML files once; other files still go
through Rasa's own per-language method."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

from rasa.shared.importers.importer import TrainingDataImporter
from rasa.shared.nlu.training_data import loading
from rasa.shared.utils.io import deep_container_fingerprint

from bot.patches._originals import Originals

ROOT = Path(__file__).resolve().parents[3]
# Two languages' data, Arabizi and Roman Urdu among them, and the rules (stories' user turns).
DATA = [ROOT / "data" / "nlu" / "en", ROOT / "data" / "nlu" / "ur", ROOT / "data" / "rules.yml"]


def _importer(paths: list[Path]) -> Any:
    return TrainingDataImporter.load_from_dict(
        domain_path=str(ROOT / "domain.yml"), training_data_paths=[str(p) for p in paths]
    )


def _examples(data: Any) -> list[tuple[Any, ...]]:
    return [
        (m.data, m.output_properties, deep_container_fingerprint([m.data, m.features]))
        for m in data.training_examples
    ]


def _as_rasa_train_reads(paths: list[Path]) -> tuple[Any, ...]:
    """What `rasa train` asks the chain for, in its order, and how many files were read."""
    importer = _importer(paths)
    with mock.patch.object(loading, "_load", wraps=loading._load) as load:
        checked = importer.get_nlu_data()  # model_training's check, language "en"
        domain = importer.get_domain()
        trained = importer.get_nlu_data("xx")  # the graph's provider, the config's language
    return checked, domain, trained, load.call_count


def test_the_chain_gives_the_same_data_and_domain_reading_once(
    apply_patch: Callable[..., Originals],
) -> None:
    checked, domain, trained, reads = _as_rasa_train_reads(DATA)
    apply_patch("read_nlu_data_once")
    p_checked, p_domain, p_trained, p_reads = _as_rasa_train_reads(DATA)
    assert len(_examples(trained)) > 5000
    assert _examples(p_checked) == _examples(checked) == _examples(trained)
    assert _examples(p_trained) == _examples(trained)
    assert p_trained.responses == trained.responses
    assert p_trained.entity_synonyms == trained.entity_synonyms
    assert p_trained.regex_features == trained.regex_features
    assert p_trained.lookup_tables == trained.lookup_tables
    assert p_domain.as_dict() == domain.as_dict()
    # The top of the chain still gives each language its own copy: the graph's components
    # write into the one they are given.
    assert p_trained is not p_checked
    assert not set(map(id, p_trained.training_examples)) & set(map(id, p_checked.training_examples))
    # Rasa reads every file three times: "en" (the check), no argument (get_domain), "xx".
    assert p_reads * 3 == reads > 0


def test_non_yaml_nlu_files_are_read_per_language(
    apply_patch: Callable[..., Originals], tmp_path: Path
) -> None:
    nlu = tmp_path / "nlu.json"
    example = {"text": "when is lunch", "intent": "ask_meal_times", "entities": []}
    nlu.write_text(json.dumps({"rasa_nlu_data": {"common_examples": [example]}}))
    apply_patch("read_nlu_data_once")
    importer = _importer([nlu])
    with mock.patch.object(loading, "_load", wraps=loading._load) as load:
        importer.get_nlu_data()
        data = importer.get_nlu_data("xx")
    assert load.call_count == 2
    # The end-to-end importer adds the default actions' names, which have no text.
    assert [m.get("text") for m in data.training_examples if m.get("text")] == ["when is lunch"]
