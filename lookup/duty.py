"""When a person will answer a handoff: the liaison team's duty hours, in the exercise's time zone.

On duty, a visitor is told "within about N minutes" (LIAISON_HANDOFF_REPLY_MINUTES); off duty,
"after 07:00 tomorrow" (the next duty window's start). The sentences are in the "visitor" gettext
catalogs of `common.i18n`, the minutes and weekdays from CLDR; a language without a catalog gets
the English sentence (and says so: `message_lang`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from common.i18n import N_, Translator, translator
from common.i18n.formatting import duration, weekday
from lookup.settings import Settings

DOMAIN = "visitor"

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class DutyHours:
    windows: tuple[tuple[int, int], ...]  # (start, end) in minutes after local midnight
    days: frozenset[int]  # date.weekday() numbers
    reply_minutes: int

    @classmethod
    def from_settings(cls, settings: Settings) -> DutyHours:
        return cls.parse(settings.duty_hours, settings.duty_days, settings.handoff_reply_minutes)

    @classmethod
    def parse(cls, hours: str, days: str, reply_minutes: int) -> DutyHours:
        """hours 'HH:MM-HH:MM[,...]' (end up to 24:00), days 'mon,tue,...' (as in Settings)."""
        windows = []
        for window in hours.split(","):
            start, end = (_minutes(clock) for clock in window.strip().split("-"))
            if end > start:
                windows.append((start, end))
        wanted = {day.strip() for day in days.split(",")}
        return cls(
            windows=tuple(sorted(windows)),
            days=frozenset(n for n, name in enumerate(WEEKDAYS) if name in wanted),
            reply_minutes=reply_minutes,
        )


@dataclass(frozen=True)
class ReplyEstimate:
    on_duty: bool
    expected_by: datetime  # local time of the exercise
    back_at: datetime | None  # off duty: when the next duty window starts (local)
    asked_at: datetime  # local


def estimate(now: datetime, time_zone: str, duty: DutyHours) -> ReplyEstimate:
    """`now` is any aware datetime; every time answered is in `time_zone`."""
    zone = ZoneInfo(time_zone)
    local = now.astimezone(zone)
    reply = timedelta(minutes=duty.reply_minutes)
    for offset in range(8):
        day = local.date() + timedelta(days=offset)
        if day.weekday() not in duty.days:
            continue
        for start, end in duty.windows:
            begins, ends = _at(day, start, zone), _at(day, end, zone)
            if begins <= local < ends:
                return ReplyEstimate(True, local + reply, None, local)
            if begins > local:
                return ReplyEstimate(False, begins + reply, begins, local)
    # No duty window at all (e.g. '07:00-07:00'): promise nothing precise.
    return ReplyEstimate(False, local + timedelta(days=1), None, local)


_ON_DUTY = N_("A member of the liaison team will answer here within about {minutes}.")
_OFF_DUTY = N_(
    "The liaison team is off duty now; a member of the team will answer here after {time} {day}."
)
_NO_HOURS = N_("A member of the liaison team will answer here as soon as possible.")
_TODAY = N_("today")
_TOMORROW = N_("tomorrow")
# TRANSLATORS: a later day of the week, after "will answer here after 07:00".
_ON_WEEKDAY = N_("on {weekday}")
# TRANSLATORS: how the language writes a time of day, as a strftime format ("%Hh%M" in French).
_CLOCK = N_("%H:%M")


def visitor_message(lang: str, reply: ReplyEstimate, duty: DutyHours) -> tuple[str, str]:
    """(sentence, its language): a person will answer, and roughly when."""
    _ = translator(lang, DOMAIN)
    if reply.on_duty:
        minutes = duration(duty.reply_minutes, "minute", _.lang)
        return _.gettext(_ON_DUTY).format(minutes=minutes), _.lang
    if reply.back_at is None:
        return _.gettext(_NO_HOURS), _.lang
    clock = reply.back_at.strftime(_.gettext(_CLOCK))
    return _.gettext(_OFF_DUTY).format(time=clock, day=_day_text(_, reply)), _.lang


def _day_text(_: Translator, reply: ReplyEstimate) -> str:
    assert reply.back_at is not None
    days = (reply.back_at.date() - reply.asked_at.date()).days
    if days == 0:
        return _.gettext(_TODAY)
    if days == 1:
        return _.gettext(_TOMORROW)
    return _.gettext(_ON_WEEKDAY).format(weekday=weekday(reply.back_at.date(), _.lang))


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _at(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    """Local wall time `minutes` after midnight of `day` (24:00 is the next midnight)."""
    midnight = datetime.combine(day, time(0), tzinfo=zone)
    return midnight + timedelta(minutes=minutes)
