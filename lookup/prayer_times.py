"""Prayer times at the camp, calculated offline by adhanpy from the pack's coordinates and
calculation method (`exercise.prayer_times`), in the exercise's time zone: a liaison team never
retypes a timetable, and a changed date or method changes every answer and briefing at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from adhanpy.calculation.CalculationMethod import CalculationMethod  # type: ignore[import-untyped]
from adhanpy.calculation.CalculationParameters import (  # type: ignore[import-untyped]
    CalculationParameters,
)
from adhanpy.calculation.Madhab import Madhab  # type: ignore[import-untyped]
from adhanpy.PrayerTimes import PrayerTimes  # type: ignore[import-untyped]

from lookup.packs.schema import PrayerTimesSpec

# In the order of the day; sunrise is no prayer but ends fajr's time, so timetables give it.
PRAYERS: tuple[str, ...] = ("fajr", "sunrise", "dhuhr", "asr", "maghrib", "isha")
FRIDAY = 4  # date.weekday()


@dataclass(frozen=True)
class DayTimes:
    """One local day's times. `friday_prayer` is set on Fridays only: the pack's time when it
    gives one (`friday_from_pack`), else dhuhr's, which answers then say to confirm."""

    day: date
    times: dict[str, time]
    friday_prayer: time | None
    friday_from_pack: bool


def day_times(spec: PrayerTimesSpec, day: date, time_zone: str) -> DayTimes:
    """The prayer times of one local day at the camp, to the minute, in local time."""
    parameters = CalculationParameters(method=CalculationMethod[spec.method.upper()])
    parameters.madhab = Madhab[spec.madhab.upper()]
    zone = ZoneInfo(time_zone)
    # adhanpy reads only the date's year, month and day: the calendar day is the local one.
    calculated = PrayerTimes(
        (spec.latitude, spec.longitude),
        datetime(day.year, day.month, day.day),
        calculation_parameters=parameters,
        time_zone=zone,
    )
    times = {name: _minute(getattr(calculated, name)) for name in PRAYERS}
    friday: time | None = None
    from_pack = False
    if day.weekday() == FRIDAY:
        from_pack = spec.friday_prayer is not None
        friday = time.fromisoformat(spec.friday_prayer) if spec.friday_prayer else times["dhuhr"]
    return DayTimes(day, times, friday, from_pack)


def _minute(moment: datetime) -> time:
    """adhanpy already rounds to the minute; the seconds left are zero."""
    return moment.time().replace(second=0, microsecond=0, tzinfo=None)
