"""Dates, times, opening hours and lists written the way each language writes them (CLDR data
via Babel), so no action holds a per-language table."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from babel import Locale
from babel.dates import format_date, get_day_names
from babel.lists import format_list

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def day(value: date, lang: str) -> str:
    """'Sunday 17 January' / 'الأحد 17 يناير' / 'dimanche 17 janvier'."""
    return format_date(value, "EEEE d MMMM", locale=lang)


def full_date(value: date, lang: str) -> str:
    return format_date(value, "d MMMM y", locale=lang)


def clock(value: str) -> str:
    """'2027-01-17T09:00:00+03:00' -> '09:00' (the service already gives local time)."""
    return datetime.fromisoformat(value).strftime("%H:%M")


def when(start: str, end: str, lang: str) -> str:
    starts, ends = datetime.fromisoformat(start), datetime.fromisoformat(end)
    span = f"{starts:%H:%M}–{ends:%H:%M}"
    if starts.date() != ends.date():
        span = f"{starts:%H:%M} – {day(ends.date(), lang)} {ends:%H:%M}"
    return f"{day(starts.date(), lang)} {span}"


def opening_hours(weekly: dict[str, str], lang: str) -> str:
    """Consecutive days with the same hours grouped: 'Sun–Thu 07:00–22:00, Fri 13:00–22:00'.
    Closed days are left out: what is listed is when it is open."""
    names = get_day_names("abbreviated", locale=lang)
    groups: list[tuple[list[int], str]] = []
    for index, key in enumerate(WEEKDAYS):
        hours = weekly.get(key, "closed")
        if groups and groups[-1][1] == hours and groups[-1][0][-1] == index - 1:
            groups[-1][0].append(index)
        else:
            groups.append(([index], hours))
    parts = []
    for days, hours in groups:
        if hours == "closed":
            continue
        label = names[days[0]] if len(days) == 1 else f"{names[days[0]]}–{names[days[-1]]}"
        parts.append(f"{label} {hours.replace('-', '–')}")
    return and_list(parts, lang)


def and_list(values: Iterable[str], lang: str) -> str:
    return format_list(list(values), locale=lang)


def language_names(codes: Iterable[str], lang: str) -> str:
    locale = Locale.parse(lang)
    return and_list((locale.languages.get(code, code) for code in codes), lang)
