"""The OPSEC guard's literal prefilter (bot/nlu/opsec_guard.py `required_literals`) changes no
decision: a family is skipped only when the text lacks every literal all its matches contain."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from bot.nlu.opsec_guard import (
    Family,
    compile_families,
    guard_fold,
    matching_family,
    parse_pattern_files,
    read_pattern_files,
    required_literals,
)

ROOT = Path(__file__).resolve().parents[2]
FAMILIES = [
    family
    for language, document in parse_pattern_files(read_pattern_files(ROOT / "data" / "nlu")).items()
    for family in compile_families(language, document)
]


def _texts() -> list[str]:
    """Every example of the training data and of the held-out sets, each once."""
    found: list[str] = []
    for root in (ROOT / "data" / "nlu", ROOT / "tests" / "nlu" / "heldout"):
        for path in sorted(root.rglob("*.yml")):
            if "nlu:" in path.read_text(encoding="utf-8"):
                found.extend(m.get("text") for m in load_data(str(path)).training_examples)
    return list(dict.fromkeys(text for text in found if text))


def _name(family: Family | None) -> tuple[str, str] | None:
    return None if family is None else (family.language, family.name)


@pytest.mark.parametrize(
    "pattern,expected",
    [
        (r"\bwhere\W+(?:ammo|weapons)\b", {"where"}),  # the longer of two required parts
        (r"\w+ (?:ammo|weapons)", {"ammo", "weapons"}),
        (r"(?:gate )?code", {"code"}),  # an optional part is not required
        (r"(?:ammo)*\bdepot", {"depot"}),
        (r"(?:ammo){2}", {"ammo"}),
        (r"[ab]", {"a", "b"}),
        (r"[ab]c", {"c"}),  # as long, and fewer
        (r"(?:ammo|\w+) store", {" store"}),
        (r"x?(?:ammo|\w+)", None),  # one branch may be any word: nothing is required
        (r"[a-z]+", None),
        (r"(?i)ammo", None),  # case-insensitive: a substring test would not be exact
        (r"(?i:ammo) store", {" store"}),
        (r"(?i:ammo)", None),
    ],
)
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    found = required_literals(re.compile(pattern))
    assert (None if found is None else set(found)) == expected


def test_most_families_have_a_prefilter() -> None:
    assert sum(family.needs is not None for family in FAMILIES) >= len(FAMILIES) * 3 // 4


def test_every_match_of_a_family_contains_one_of_its_literals() -> None:
    """Over the training data and the held-out sets: the prefilter never hides a match, and the
    guard's answer (family or none) is the one it gives without it."""
    texts = _texts()
    assert len(texts) > 10_000
    matched = 0
    for text in texts:
        folded = guard_fold(text)
        unfiltered = None  # the first family that matches, tried without any prefilter
        for family in FAMILIES:
            if not family.pattern.search(folded):
                continue
            matched += 1
            assert family.needs is None or family.needs.search(folded), (family.name, text)
            if unfiltered is None and not (family.unless and family.unless.search(folded)):
                unfiltered = family
        assert _name(matching_family(text, FAMILIES)) == _name(unfiltered), text
    assert matched > 1_000  # the check saw the families match, not only miss
