"""Dates, times, lists and text direction the way each language writes them (CLDR via Babel),
and the bidirectional-text isolation that keeps Latin fragments ("OF-3", "05:30–07:30",
"+000 555 0199") in reading order inside right-to-left text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel import Locale
from markupsafe import Markup, escape

from common.i18n import formatting as cldr
from common.i18n import text_direction

# A run of Latin letters, digits and the punctuation that joins them ("OF-3", "05:30–07:30",
# "Wi-Fi", "r.haddad@x.invalid"), possibly several words long ("OVER AND OUT", "+000 555 0199").
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u02b0-\u02ff\u1e00-\u1eff"
_TOKEN = rf"[{_LATIN}0-9+@#][{_LATIN}0-9+@#.:/_'’%\-–]*"
_LATIN_RUN = re.compile(rf"{_TOKEN}(?:[ \u00a0]+{_TOKEN})*")
_TRAILING = ".:'’-–"


def direction(lang: str) -> str:
    """'rtl' or 'ltr': common.i18n decides it from CLDR for every unit."""
    return text_direction(lang)


def isolate(text: str) -> Markup:
    """Escaped text with every Latin run wrapped in <bdi dir="ltr">, for right-to-left pages."""
    out: list[str] = []
    position = 0
    for match in _LATIN_RUN.finditer(text):
        run = match.group().rstrip(_TRAILING)
        if not run:
            continue
        out.append(str(escape(text[position : match.start()])))
        out.append(f'<bdi dir="ltr">{escape(run)}</bdi>')
        position = match.start() + len(run)
    out.append(str(escape(text[position:])))
    return Markup("".join(out))


def ltr(value: object) -> Markup:
    """A fragment that always reads left to right and stays on one line (a code, a time, a
    phone number)."""
    return Markup('<bdi dir="ltr" class="ltr">{}</bdi>').format(value)


class Formatter:
    """Everything a template writes that depends on the language, bound to one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.locale = Locale.parse(lang)
        self.dir = direction(lang)

    def prose(self, text: str) -> Markup:
        return isolate(text) if self.dir == "rtl" else Markup(escape(text))

    def full_date(self, value: date) -> str:
        return cldr.full_date(value, self.lang)

    def day(self, value: date) -> str:
        """'Sunday 17 January' / 'الأحد 17 يناير' / 'dimanche 17 janvier'."""
        return cldr.day(value, self.lang)

    def short_day(self, value: date) -> str:
        return cldr.short_day(value, self.lang)

    def days(self, count: int) -> str:
        """'12 days', '12 jours', '12 يومًا': CLDR knows each language's plurals."""
        return cldr.duration(count, "day", self.lang)

    def stamp(self, value: datetime) -> str:
        """A moment in UTC: '24 November 2026, 21:05 UTC'."""
        utc = value.astimezone(ZoneInfo("UTC"))
        return f"{self.full_date(utc.date())}, {utc:%H:%M} UTC"

    def and_list(self, values: Iterable[str]) -> str:
        return cldr.and_list(values, self.lang)

    def language(self, code: str) -> str:
        return cldr.language_name(code, self.lang)

    def hours(self, weekly: dict[str, str], closed: str) -> str:
        """Consecutive days with the same hours grouped: 'Sun–Thu 07:00–22:00; Fri 14:00–22:00'."""
        return cldr.hours_table(weekly, self.lang, closed)


clock = cldr.clock
time_span = cldr.time_span


def utc_offset(zone: str, on: date) -> str:
    """'UTC+3', 'UTC+5:30', 'UTC' for the zone on that day."""
    offset = datetime(on.year, on.month, on.day, 12, tzinfo=ZoneInfo(zone)).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
