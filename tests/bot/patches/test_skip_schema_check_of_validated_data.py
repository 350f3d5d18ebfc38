"""bot.patches.skip_schema_check_of_validated_data: the project's NLU data, rules and domain read
the same with and without it, with no schema check of those kinds; other schemas are still
checked; `python -m bot.train` applies it only with `--skip-validation`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import rasa.shared.utils.validation as validation
from rasa.shared.importers.importer import TrainingDataImporter
from rasa.shared.utils.io import deep_container_fingerprint

from bot.patches._originals import Originals
from bot.patches.skip_schema_check_of_validated_data import skipped_schemas

ROOT = Path(__file__).resolve().parents[3]
DATA = [ROOT / "data" / "nlu" / "fr", ROOT / "data" / "rules.yml"]


def _read() -> tuple[list[tuple[Any, ...]], dict[str, Any], Any]:
    importer = TrainingDataImporter.load_from_dict(
        domain_path=str(ROOT / "domain.yml"), training_data_paths=[str(p) for p in DATA]
    )
    nlu = importer.get_nlu_data("xx")
    examples = [
        (m.data, m.output_properties, deep_container_fingerprint([m.data, m.features]))
        for m in nlu.training_examples
    ]
    return examples, importer.get_domain().as_dict(), importer.get_stories().fingerprint()


def _core_checks() -> Any:
    """Counts calls of pykwalify's validation, which every real schema check makes (a context
    manager giving the mock)."""
    from pykwalify.core import Core  # type: ignore[import-untyped]

    return mock.patch.object(Core, "validate", autospec=True, side_effect=Core.validate)


def test_same_data_and_domain_without_the_schema_check(
    apply_patch: Callable[..., Originals],
) -> None:
    with _core_checks() as checks:
        examples, domain, stories = _read()
    assert checks.call_count > 10  # Rasa's own reading checks every file
    apply_patch("skip_schema_check_of_validated_data")
    with _core_checks() as checks:
        p_examples, p_domain, p_stories = _read()
    assert checks.call_count == 0
    assert len(examples) > 1000
    assert p_examples == examples
    assert p_domain == domain
    assert p_stories == stories


def test_other_schemas_are_still_checked(apply_patch: Callable[..., Originals]) -> None:
    apply_patch("skip_schema_check_of_validated_data")
    with _core_checks() as checks:
        validation.validate_yaml_schema("version: '3.1'\n", "shared/utils/schemas/config.yml")
    assert checks.call_count == 1
    with _core_checks() as checks:
        for schema in skipped_schemas():
            validation.validate_yaml_schema("nlu: 3\n", schema)  # no error: not checked
    assert checks.call_count == 0


def test_bot_train_applies_it_only_with_skip_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasa.__main__

    import bot.train
    from bot import patches

    installed: list[list[str]] = []
    monkeypatch.setattr(patches, "install", lambda names: installed.append(list(names)))
    monkeypatch.setattr(rasa.__main__, "main", lambda: None)
    monkeypatch.delenv(patches.VARIABLE, raising=False)
    bot.train.main(["--skip-validation", "--out", "x"])
    bot.train.main(["--out", "x"])
    assert "skip_schema_check_of_validated_data" in installed[0]
    assert "skip_schema_check_of_validated_data" not in installed[1]
    assert installed[1] == list(bot.train.PATCHES)
