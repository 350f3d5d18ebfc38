"""Which room an office-like unit is in at HQ (a cell, desk, section, branch, secretariat,
centre) is where to go, not a person's room (issue 19/20, seventeenth round): the English
guard refused "which room is the liaison cell in at HQ", whose answer the contacts' hours give
("Headquarters (Building 1), room 1.05"). A person's room still matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.nlu.opsec_guard import (
    compile_families,
    matching_family,
    parse_pattern_files,
    read_pattern_files,
)

ROOT = Path(__file__).resolve().parents[2]
FAMILIES = compile_families(
    "en", parse_pattern_files(read_pattern_files(ROOT / "data" / "nlu", ("en",)))["en"]
)


@pytest.mark.parametrize(
    "text",
    [
        "which room is the liaison cell in at HQ?",
        "which room is the duty desk in",
        "which room is the protocol section in at headquarters",
        "which room is the exercise secretariat in",
    ],
)
def test_an_office_like_unit_is_no_persons_room(text: str) -> None:
    assert matching_family(text, FAMILIES) is None


@pytest.mark.parametrize(
    "text",
    [
        "which room is the general in",
        "which room is the colonel staying in",
        "which room is the cell commander in",
    ],
)
def test_a_persons_room_still_matches(text: str) -> None:
    assert matching_family(text, FAMILIES) is not None
