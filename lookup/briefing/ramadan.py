"""Whether an exercise overlaps Ramadan, and from which source that is known.

Ramadan begins with the sighting of the new moon, announced by each country's authorities; its
dates cannot be known exactly in advance. A pack may give the dates as announced
(`exercise.ramadan`); otherwise they are computed from the Umm al-Qura calendar (hijridate,
offline, valid for 1343–1500 AH, i.e. 1924–2077), and the briefing says they are expected dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from hijridate import Gregorian, Hijri

from lookup.packs.schema import RamadanDates

RAMADAN = 9


@dataclass(frozen=True)
class Ramadan:
    start: date  # first day of fasting
    end: date  # last day of fasting
    hijri_year: int | None
    source: Literal["announced", "umm_al_qura"]
    overlaps: bool  # with the exercise's dates


def ramadan_for(start: date, end: date, announced: RamadanDates | None = None) -> Ramadan | None:
    """The Ramadan overlapping start..end, else the next one after it; None if unknown."""
    if announced is not None:
        return Ramadan(
            announced.start_date,
            announced.end_date,
            _hijri_year(announced.start_date),
            "announced",
            _overlap(announced.start_date, announced.end_date, start, end),
        )
    try:
        first = Gregorian(start.year, start.month, start.day).to_hijri().year
    except (OverflowError, ValueError):
        return None
    for year in (first - 1, first, first + 1, first + 2):
        try:
            begins = Hijri(year, RAMADAN, 1).to_gregorian()
            after = Hijri(year, RAMADAN + 1, 1).to_gregorian()
        except (OverflowError, ValueError):
            continue
        ramadan_start = date(begins.year, begins.month, begins.day)
        ramadan_end = date(after.year, after.month, after.day) - timedelta(days=1)
        if ramadan_end < start:
            continue
        return Ramadan(
            ramadan_start,
            ramadan_end,
            year,
            "umm_al_qura",
            _overlap(ramadan_start, ramadan_end, start, end),
        )
    return None


def _overlap(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    return a_start <= b_end and b_start <= a_end


def _hijri_year(day: date) -> int | None:
    try:
        return Gregorian(day.year, day.month, day.day).to_hijri().year
    except (OverflowError, ValueError):
        return None
