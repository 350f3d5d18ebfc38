"""Issue 20: a day's name in the plural ("is the gym open on Sundays", "les mardis", "منگلوں کو")
or Urdu's oblique form before کو / کے دن ("جمعے کے دن") is that day of the week; dateparser 1.2
read none of them, so the week's hours came instead of that day's. Urdu's ہفتے alone (a week, or
Saturday) is left as written."""

from __future__ import annotations

from datetime import date

import pytest

from actions.dates import may_name_a_day, requested_day, singular_days, without_day_words

TODAY, START, END = date(2027, 1, 17), date(2027, 1, 17), date(2027, 1, 28)  # a Sunday


@pytest.mark.parametrize(
    ("lang", "plural", "singular"),
    [
        ("en", "does the laundry open on Tuesdays", "does the laundry open on Tuesday"),
        ("en", "Wednesdays, when does the gym close?", "Wednesday, when does the gym close?"),
        ("fr", "la laverie ouvre les jeudis ?", "la laverie ouvre le jeudi ?"),
        ("fr", "horaires du gymnase, mercredis compris", "horaires du gymnase, mercredi compris"),
        ("ur", "کیا جم منگلوں کو کھلتا ہے", "کیا جم منگل کو کھلتا ہے"),
        ("ur", "لانڈری جمعے کے دن کب تک کھلی ہے", "لانڈری جمعہ کے دن کب تک کھلی ہے"),
        ("ur", "اتواروں کو دکان کھلتی ہے؟", "اتوار کو دکان کھلتی ہے؟"),
    ],
)
def test_a_plural_day_is_that_day(lang: str, plural: str, singular: str) -> None:
    assert may_name_a_day(plural)
    expected = requested_day(singular, TODAY, START, END, lang)
    assert expected is not None
    assert requested_day(plural, TODAY, START, END, lang) == expected
    assert without_day_words(plural).split() == without_day_words(singular).split()


@pytest.mark.parametrize("text", ["اس ہفتے کا پروگرام کیا ہے", "the days are long", "des jours"])
def test_other_words_are_left_alone(text: str) -> None:
    assert singular_days(text) == text
