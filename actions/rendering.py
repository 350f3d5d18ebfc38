"""What the actions print about dates, times, opening hours and lists: the shared formatters of
`common.i18n.formatting` (CLDR via Babel), applied to the lookup service's ISO strings."""

from __future__ import annotations

from datetime import datetime

from common.i18n.formatting import and_list, day, full_date, language_names, open_hours

__all__ = ["and_list", "clock", "day", "full_date", "language_names", "opening_hours", "when"]

opening_hours = open_hours


def clock(value: str) -> str:
    """'2027-01-17T09:00:00+03:00' -> '09:00' (the service already gives local time)."""
    return datetime.fromisoformat(value).strftime("%H:%M")


def when(start: str, end: str, lang: str) -> str:
    """'Sunday 17 January 07:00–07:30', the end's day added when the event ends on another."""
    starts, ends = datetime.fromisoformat(start), datetime.fromisoformat(end)
    span = f"{starts:%H:%M}–{ends:%H:%M}"
    if starts.date() != ends.date():
        span = f"{starts:%H:%M} – {day(ends.date(), lang)} {ends:%H:%M}"
    return f"{day(starts.date(), lang)} {span}"
