"""actions.date_search reads dates exactly as dateparser's search_dates does (issue 22: the
language and translation of a message read once, not once per base day)."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest
from dateparser.search import search_dates  # type: ignore[import-untyped]

from actions import date_search, dates
from tools.bench import fresh

# Dates said every way the answers meet them, in the four languages, with times, numbers that
# are no date, words dateparser reads as a time unit or an abbreviation, and none at all.
SAID = [
    "today",
    "tomorrow",
    "tonight",
    "the day after tomorrow",
    "in 2 days",
    "next Friday",
    "on a Friday",
    "what's on Friday at 7",
    "what happens on june 2 at 7",
    "June 2nd",
    "the 2nd",
    "2 June 2027",
    "21/01",
    "1 hour",
    "what time does the gym open",
    "where is building 12",
    "tent B",
    "aujourd'hui",
    "demain",
    "après-demain",
    "ce soir",
    "le 1 juin",
    "le 18 janvier à 9h",
    "vendredi",
    "un vendredi",
    "mercredi prochain",
    "à quelle heure ouvre la boutique",
    "je mets quoi le 2 juin",
    "dans 3 jours",
    "اليوم",
    "غدا",
    "بعد غد",
    "الجمعة",
    "يوم الخميس",
    "في الخميس",
    "٣ يونيو",
    "21 يناير",
    "الساعة كم",
    "المبنى 16",
    "آج",
    "کل کا پروگرام کیا ہے",
    "جمعہ کو",
    "2 جون",
    "mess kab khulta h",
    "",
    "   ",
    "?!",
]
BASES = [
    date(2027, 1, 19),
    date(2027, 1, 18),
    date(2027, 1, 16),
    date(2026, 12, 31),
    date(2028, 2, 29),
    date(2027, 6, 1),
]
LANGS = ["en", "fr", "ar", "ur"]


def _expected(text: str, lang: str, base: date) -> list[tuple[str, datetime]] | None:
    settings = {
        "RELATIVE_BASE": datetime.combine(base, datetime.min.time()),
        "PREFER_DATES_FROM": "future",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return search_dates(text, languages=dates._languages(lang), settings=settings)


def _read(text: str, lang: str, base: date) -> list[tuple[str, datetime]] | None:
    relative = datetime.combine(base, datetime.min.time())
    return date_search.search_dates_from(text, tuple(dates._languages(lang)), relative)


def _texts() -> list[tuple[str, str]]:
    by_lang = fresh.generate(languages=("ar", "en", "fr", "ur"), seed=5)
    made = [(lang, q.text) for lang, questions in by_lang.items() for q in questions[:30]]
    said = [(lang, text) for text in SAID for lang in LANGS]
    # With a day word after each: what requested_day reads (its colloquial words mapped).
    dated = [
        (lang, f"{text} {day}")
        for (lang, text), day in zip(made, itertools.cycle(["demain", "Friday", "اليوم", "3 juin"]))
    ]
    return said + made + dated


@pytest.mark.parametrize("order", ["bases first", "texts first"])
def test_same_readings_as_search_dates(order: str) -> None:
    date_search._translated.cache_clear()
    date_search._parsed.cache_clear()
    pairs = list(itertools.product(_texts(), BASES))
    if order == "bases first":  # the caches warm in another order
        pairs.sort(key=lambda pair: (pair[1], pair[0]))
    differ = [
        (lang, text, base)
        for (lang, text), base in pairs
        if _read(text, lang, base) != _expected(text, lang, base)
    ]
    assert not differ, differ[:10]
    assert len(pairs) > 2000


def test_found_dates_are_read() -> None:
    """The comparison above is not of Nones: most of those texts have a date."""
    found = [text for text in SAID if _read(text, "en", BASES[0])]
    assert len(found) > 20
    assert _read("tomorrow", "en", BASES[0]) == [("tomorrow", datetime(2027, 1, 20))]
    assert _read("le 18 janvier", "fr", BASES[0]) == [("le 18 janvier", datetime(2028, 1, 18))]


def test_each_call_gets_its_own_list() -> None:
    first = _read("demain", "fr", BASES[0])
    assert first is not None
    first.clear()
    assert _read("demain", "fr", BASES[0]) == [("demain", datetime(2027, 1, 20))]


def test_requested_day_reads_as_before() -> None:
    """requested_day through search_dates_from and through search_dates, on texts whose day is
    relative, named, a date, outside the exercise, or none."""
    today, start, end = date(2027, 1, 19), date(2027, 1, 17), date(2027, 1, 24)
    texts = [text for lang, text in _texts() if lang != "ur"]

    def through_search_dates(text: str, lang: str, base: date) -> list[tuple[str, date]]:
        found = _expected(text, lang, base) or []
        return [
            (words, when.date())
            for words, when in found
            if not dates._abbreviation_only(words) and not dates._time_unit_only(words)
        ]

    for lang in ("en", "fr", "ar"):
        for day in (today, start - timedelta(days=3), end):
            now = [dates.requested_day(text, day, start, end, lang) for text in texts]
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(dates, "_found", through_search_dates)
                before = [dates.requested_day(text, day, start, end, lang) for text in texts]
            assert now == before
            assert sum(found is not None for found in now) > 50
