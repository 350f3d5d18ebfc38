"""The words asking where (common.asking.WHERE_WORDS, folded) serve the meals' stand-in and a
contact's office and hours; the prayer questions keep "where" as written, because folding makes
French "ou" (or) one with "où" (where)."""

from __future__ import annotations

import pytest

from actions import prayers
from actions.answer_found import asks_where_or_when
from actions.stand_ins import asks_about_a_meal


@pytest.mark.parametrize(
    "text",
    ["where is breakfast served", "le déjeuner se trouve où", "الغداء وين", "ناشتہ کہاں ملتا ہے"],
)
def test_a_meal_asked_where(text: str) -> None:
    assert asks_about_a_meal(text, when_or_where=True)


@pytest.mark.parametrize(
    "text", ["where does Captain Girard sit", "مكتبه وين", "وہ کہاں بیٹھتے ہیں", "il est situé où"]
)
def test_a_contact_asked_where(text: str) -> None:
    assert asks_where_or_when(text)


def test_french_or_is_no_where_for_a_prayer() -> None:
    assert prayers.asks_for_times("fajr ou isha ?")
    assert not prayers.asks_for_times("fajr où ?")
