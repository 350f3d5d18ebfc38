"""Dates, weekdays, opening hours, lists, durations and language names the way each language
writes them (CLDR via Babel): the one set of formatters the actions, the briefings and the
liaison team's messages share, so no unit keeps a per-language table of its own."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from babel import Locale
from babel.dates import format_date, get_day_names
from babel.lists import format_list
from babel.units import format_unit

from common.i18n import text_direction

# The keys of a venue's weekly hours (`{"mon": "07:00-22:00", "fri": "closed", ...}`), Monday
# first like date.weekday() and Babel's day names.
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CLOSED = "closed"


def day(value: date, lang: str) -> str:
    """'Sunday 17 January' / 'الأحد 17 يناير' / 'dimanche 17 janvier'."""
    return format_date(value, "EEEE d MMMM", locale=lang)


def short_day(value: date, lang: str) -> str:
    """'Sun 17 Jan'."""
    return format_date(value, "EEE d MMM", locale=lang)


def full_date(value: date, lang: str) -> str:
    """'17 January 2027'."""
    return format_date(value, "d MMMM y", locale=lang)


def weekday(value: date, lang: str) -> str:
    """'Sunday' / 'الأحد' / 'dimanche'."""
    return format_date(value, "EEEE", locale=lang)


def clock(value: datetime) -> str:
    """'09:00': times are given in the exercise's local time, on the 24-hour clock everywhere."""
    return f"{value:%H:%M}"


def time_span(start: datetime, end: datetime) -> str:
    """'09:00–10:30'."""
    return f"{start:%H:%M}–{end:%H:%M}"


def and_list(values: Iterable[str], lang: str) -> str:
    """'a, b and c' / 'a, b et c' / 'a وb وc'."""
    return format_list(list(values), locale=lang)


def language_name(code: str, lang: str) -> str:
    """A language's name in `lang` ('arabe' for ar in French), the code when CLDR has none."""
    return str(Locale.parse(lang).languages.get(code, code))


def language_names(codes: Iterable[str], lang: str) -> str:
    return and_list((language_name(code, lang) for code in codes), lang)


def duration(count: int, unit: str, lang: str) -> str:
    """'15 minutes', '2 jours', 'دقيقتان', '12 يومًا': a CLDR unit ('minute', 'day', ...) with
    the language's own plural forms (Arabic's dual included)."""
    for length in ("long", "short"):  # Arabic's CLDR data has some units in the short form only
        text = format_unit(count, f"duration-{unit}", length=length, locale=lang)
        if "duration" not in text:
            return text
    return str(count)


def _hour_groups(weekly: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """(first day, last day, hours) for each run of consecutive days with the same hours."""
    groups: list[tuple[int, int, str]] = []
    for index, key in enumerate(WEEKDAYS):
        hours = weekly.get(key, CLOSED)
        if groups and groups[-1][2] == hours:
            groups[-1] = (groups[-1][0], index, hours)
        else:
            groups.append((index, index, hours))
    return groups


def _days_label(first: int, last: int, lang: str) -> str:
    names = get_day_names("abbreviated", locale=lang)
    return names[first] if first == last else f"{names[first]}–{names[last]}"


def open_hours(weekly: Mapping[str, str], lang: str) -> str:
    """When a place is open, as a phrase: 'Sun–Thu 07:00–22:00 and Fri 13:00–22:00'. Closed days
    are left out: what is listed is when it is open."""
    return and_list(
        (
            f"{_days_label(first, last, lang)} {hours.replace('-', '–')}"
            for first, last, hours in _hour_groups(weekly)
            if hours != CLOSED
        ),
        lang,
    )


def hours_table(weekly: Mapping[str, str], lang: str, closed: str) -> str:
    """Every day of the week for a table cell, closed days written `closed`:
    'Sun–Thu 07:00–22:00; Fri closed'; one set of hours all week needs no days."""
    groups = _hour_groups(weekly)
    parts = []
    for first, last, hours in groups:
        label = "" if len(groups) == 1 else _days_label(first, last, lang)
        shown = closed if hours == CLOSED else hours.replace("-", "–")
        parts.append(f"{label} {shown}".strip())
    return ("؛ " if text_direction(lang) == "rtl" else "; ").join(parts)
