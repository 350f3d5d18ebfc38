"""The exercise's languages are common.languages: the detector defaults to them, config.yml does
not list them again (or lists the same), and each has its training and held-out examples."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.nlu.language_detector import LanguageDetector
from common.languages import LANGUAGE_NAMES, LANGUAGES

ROOT = Path(__file__).resolve().parents[2]


def test_the_detector_detects_the_exercise_languages_by_default() -> None:
    assert LanguageDetector({}).config["languages"] == list(LANGUAGES)


def test_config_yml_does_not_list_other_languages() -> None:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    [detector] = [
        c for c in config["pipeline"] if c["name"] == "bot.nlu.language_detector.LanguageDetector"
    ]
    assert detector.get("languages", list(LANGUAGES)) == list(LANGUAGES)


def test_every_language_has_training_and_held_out_examples_and_a_name() -> None:
    for code in LANGUAGES:
        assert any((ROOT / "data" / "nlu" / code).glob("*.yml")), code
        assert (ROOT / "tests" / "nlu" / "heldout" / f"{code}.yml").exists(), code
        assert LANGUAGE_NAMES[code].strip(), code
    trained = {p.name for p in (ROOT / "data" / "nlu").iterdir() if p.is_dir()}
    assert trained == set(LANGUAGES)
