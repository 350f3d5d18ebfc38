"""The localisation layer every unit uses (runs in both environments): CLDR plural forms,
direction, Accept-Language negotiation and the shared formatters."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from common.i18n import available_languages, negotiate, text_direction, translator
from common.i18n.formatting import (
    and_list,
    day,
    duration,
    hours_table,
    language_names,
    open_hours,
    weekday,
)
from common.languages import LANGUAGES

HOURS = {d: "07:00-22:00" for d in ("sun", "mon", "tue", "wed", "thu")} | {"fri": "13:00-22:00"}


def test_arabic_has_six_plural_forms_from_its_catalog() -> None:
    ar = translator("ar", "console")
    forms = {ar.ngettext("{count} question", "{count} questions", n) for n in (0, 1, 2, 3, 11, 100)}
    assert len(forms) == 6
    assert translator("fr", "console").ngettext("{count} question", "{count} questions", 0) == (
        "{count} question"
    )


def test_a_language_without_a_catalog_reads_english_and_says_so() -> None:
    assert set(LANGUAGES) <= set(available_languages("visitor"))
    missing = translator("sw", "visitor")  # Swahili: no catalog
    assert missing.lang == "en" and missing.gettext("today") == "today"
    assert translator("fr", "visitor").gettext("today") == "aujourd'hui"


@pytest.mark.parametrize(
    ("lang", "direction"),
    [("ar", "rtl"), ("en", "ltr"), ("fr", "ltr"), ("ur", "rtl"), ("he", "rtl"), ("ar-SA", "rtl")],
)
def test_direction_comes_from_cldr(lang: str, direction: str) -> None:
    assert text_direction(lang) == direction
    assert text_direction("not a language") == "ltr"


@pytest.mark.parametrize(
    ("header", "chosen"),
    [
        ("ar-SA,ar;q=0.9", "ar"),
        ("de-DE, fr;q=0.5, en;q=0.8", "en"),  # by quality, not position
        ("fr-CA", "fr"),
        ("en;q=0, fr;q=0.1", "fr"),  # q=0: not English
        ("de, *", "en"),
        ("", "en"),
        ("garbage;;q=x,", "en"),
    ],
)
def test_accept_language_is_negotiated(header: str, chosen: str) -> None:
    assert negotiate(header, ["ar", "en", "fr"]) == chosen


def test_durations_use_each_language_plural_forms_and_the_arabic_dual() -> None:
    assert duration(15, "minute", "en") == "15 minutes"
    assert duration(1, "minute", "fr") == "1 minute"
    assert duration(2, "minute", "ar") == "دقيقتان"  # the dual, not "2 دقيقة"
    assert duration(10, "minute", "ar") == "10 دقائق"
    assert duration(15, "minute", "ar") == "15 دقيقة"
    assert duration(12, "day", "ar") != "12"  # Arabic days exist only in CLDR's short form


def test_dates_lists_and_names() -> None:
    sunday = date(2027, 1, 17)
    assert day(sunday, "en") == "Sunday 17 January"
    assert day(sunday, "fr") == "dimanche 17 janvier"
    assert weekday(sunday, "ar") == "الأحد"
    assert and_list(["a", "b", "c"], "fr") == "a, b et c"
    assert language_names(["ar", "fr"], "en") == "Arabic and French"
    assert f"{datetime(2027, 1, 17, 7, 5):%H:%M}" == "07:05"


def test_opening_hours_as_a_phrase_and_for_a_table() -> None:
    # The week runs Monday to Sunday (as the pack writes it); closed days are left out.
    assert open_hours(HOURS, "en") == "Mon–Thu 07:00–22:00, Fri 13:00–22:00, and Sun 07:00–22:00"
    assert hours_table(HOURS, "en", "closed") == (
        "Mon–Thu 07:00–22:00; Fri 13:00–22:00; Sat closed; Sun 07:00–22:00"
    )
    assert "؛ " in hours_table(HOURS, "ar", "مغلق")
    every_day = {d: "06:00-20:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    assert open_hours(every_day, "en") == "Mon–Sun 06:00–20:00"
    assert hours_table(every_day, "en", "closed") == "06:00–20:00"
