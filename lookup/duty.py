"""When a person will answer a handoff: the liaison team's duty hours, in the exercise's time zone.

On duty, a visitor is told "within about N minutes" (LIAISON_HANDOFF_REPLY_MINUTES); off duty,
"after 07:00 tomorrow" (the next duty window's start). Sentences exist in Arabic, English and
French; another language gets the English one (and says so: `message_lang`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date

from lookup.settings import Settings

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


_ON_DUTY = {
    "en": "A member of the liaison team will answer here within about {minutes}.",
    "fr": "Un membre de l'équipe de liaison vous répondra ici dans environ {minutes}.",
    "ar": "سيرد عليك أحد أعضاء فريق الارتباط هنا خلال {minutes} تقريبًا.",
}
_OFF_DUTY = {
    "en": "The liaison team is off duty now; a member of the team will answer here "
    "after {time} {day}.",
    "fr": "L'équipe de liaison n'est pas de service en ce moment ; un membre de l'équipe vous "
    "répondra ici après {time} {day}.",
    "ar": "فريق الارتباط خارج أوقات الدوام الآن، "
    "وسيرد عليك أحد أعضائه هنا بعد الساعة {time} {day}.",
}
_NO_HOURS = {
    "en": "A member of the liaison team will answer here as soon as possible.",
    "fr": "Un membre de l'équipe de liaison vous répondra ici dès que possible.",
    "ar": "سيرد عليك أحد أعضاء فريق الارتباط هنا في أقرب وقت ممكن.",
}
_TODAY = {"en": "today", "fr": "aujourd'hui", "ar": "اليوم"}
_TOMORROW = {"en": "tomorrow", "fr": "demain", "ar": "غدًا"}
_ON_WEEKDAY = {"en": "on {weekday}", "fr": "{weekday}", "ar": "يوم {weekday}"}


def visitor_message(lang: str, reply: ReplyEstimate, duty: DutyHours) -> tuple[str, str]:
    """(sentence, its language): a person will answer, and roughly when."""
    lang = lang if lang in _ON_DUTY else "en"
    if reply.on_duty:
        return _ON_DUTY[lang].format(minutes=_minutes_text(lang, duty.reply_minutes)), lang
    if reply.back_at is None:
        return _NO_HOURS[lang], lang
    clock = reply.back_at.strftime("%Hh%M" if lang == "fr" else "%H:%M")
    return _OFF_DUTY[lang].format(time=clock, day=_day_text(lang, reply)), lang


def _day_text(lang: str, reply: ReplyEstimate) -> str:
    assert reply.back_at is not None
    days = (reply.back_at.date() - reply.asked_at.date()).days
    if days == 0:
        return _TODAY[lang]
    if days == 1:
        return _TOMORROW[lang]
    weekday = format_date(reply.back_at.date(), "EEEE", locale=lang)
    return _ON_WEEKDAY[lang].format(weekday=weekday)


def _minutes_text(lang: str, minutes: int) -> str:
    if lang == "ar":
        # Arabic counts: 3 to 10 take the plural, 1, 2 and 11+ the singular.
        return f"{minutes} دقائق" if 3 <= minutes <= 10 else f"{minutes} دقيقة"
    unit = {"en": ("minute", "minutes"), "fr": ("minute", "minutes")}[lang]
    return f"{minutes} {unit[0] if minutes == 1 else unit[1]}"


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _at(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    """Local wall time `minutes` after midnight of `day` (24:00 is the next midnight)."""
    midnight = datetime.combine(day, time(0), tzinfo=zone)
    return midnight + timedelta(minutes=minutes)
