"""The held-out sets stay independent of the training data (docs/nlu.md, "Measuring")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.nlu.overlap import (
    find_overlaps,
    heldout_examples,
    key,
    remove_lines,
    training_lines,
)

ROOT = Path(__file__).resolve().parents[2]


def test_same_after_folding_and_one_word_apart_within_an_intent_are_found() -> None:
    training = [
        ("Où est la [salle de sport](venue) ?", "ask_venue_info"),
        ("when is lunch served today", "ask_meal_times"),
        ("wifi", "ask_communications"),
        ("what do i call the host commander", "ask_forms_of_address"),
    ]
    heldout = [
        ("ou est la salle de sport", "ask_venue_info"),
        ("when is dinner served today", "ask_meal_times"),
        ("WIFI ?", "ask_communications"),
        ("wifi password", "ask_communications"),
        ("when is the bus served today", "ask_transport"),  # one word apart, another intent
    ]
    found = {(o.heldout, o.kind) for o in find_overlaps(training, heldout)}
    assert found == {
        ("ou est la salle de sport", "same"),
        ("when is dinner served today", "one word apart"),
        ("WIFI ?", "same"),
    }


def test_arabic_letter_forms_and_diacritics_are_folded() -> None:
    assert key("أَوْقَات الصلاة؟") == key("اوقات الصلاه")


def test_only_intent_examples_count_not_synonyms(tmp_path: Path) -> None:
    (tmp_path / "nlu.yml").write_text(
        'version: "3.1"\nnlu:\n- synonym: wifi\n  examples: |\n    - wi-fi\n'
        "- intent: ask_communications\n  examples: |\n    - wifi ?\n",
        encoding="utf-8",
    )
    assert [(text, intent) for *_, text, intent in training_lines(tmp_path)] == [
        ("wifi ?", "ask_communications")
    ]


@pytest.mark.parametrize("lang", sorted(p.stem for p in (ROOT / "tests/nlu/heldout").glob("*.yml")))
def test_no_heldout_example_repeats_a_training_example(lang: str) -> None:
    training = [(text, intent) for *_, text, intent in training_lines(ROOT / "data/nlu" / lang)]
    overlaps = find_overlaps(training, heldout_examples(ROOT / "tests/nlu/heldout" / f"{lang}.yml"))
    assert not overlaps, "run `make overlap FIX=1`"


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "tests/nlu/heldout").glob("*/*.yml")),
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_no_subfolder_heldout_example_repeats_a_training_example(path: Path) -> None:
    """The sets in sub-folders (OPSEC sets: restricted questions and benign near-misses; Arabizi)
    stay apart too; the file's stem is the language whose training data they are kept from."""
    training = [
        (text, intent) for *_, text, intent in training_lines(ROOT / "data/nlu" / path.stem)
    ]
    assert not find_overlaps(training, heldout_examples(path)), "rewrite the held-out line"


def test_a_benign_near_miss_one_word_from_any_answered_intent_is_an_overlap() -> None:
    training = [
        ("where is the prayer room please", "ask_prayer_facilities"),
        ("where is the ammo store please", "ask_restricted"),
    ]
    heldout = [
        ("where is the laundry room please", "benign"),  # one word from an answered intent
        ("where is the ammo dump please", "benign"),  # one word from ask_restricted only
    ]
    assert [o.heldout for o in find_overlaps(training, heldout)] == [
        "where is the laundry room please"
    ]


def test_a_block_left_without_examples_goes_with_its_last_line(tmp_path: Path) -> None:
    path = tmp_path / "nlu.yml"
    path.write_text(
        'version: "3.1"\nnlu:\n- intent: ask_contacts\n  examples: |\n    - who to call\n'
        "- intent: ask_meals\n  examples: |\n    - lunch time\n    - dinner time\n",
        encoding="utf-8",
    )
    lines = training_lines(tmp_path)
    remove_lines({(p, i) for p, i, text, _ in lines if text in ("who to call", "lunch time")})
    assert path.read_text(encoding="utf-8") == (
        'version: "3.1"\nnlu:\n- intent: ask_meals\n  examples: |\n    - dinner time\n'
    )
