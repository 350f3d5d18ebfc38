"""Sentences the actions add to an answer from the service's data, in the visitor's language
through the "visitor" gettext catalogs: the meals of Ramadan, and how old the facts are."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, timezone
from typing import Any

from common.i18n import N_, translator
from common.i18n.formatting import CLOSED, WEEKDAYS, day, full_date

DOMAIN = "visitor"
# Facts last updated longer ago than this are answered with their date (LIAISON_STALE_AFTER_DAYS).
DEFAULT_STALE_AFTER_DAYS = 14

_RAMADAN_MEALS = N_("During Ramadan, suhoor is served {suhoor} and iftar {iftar}.")
_LAST_UPDATED = N_(
    "This information was last updated on {date}; it may have changed since: the liaison team "
    "can confirm it."
)


_CLOSED_ON = N_("closed on {day}")


def hours_on(weekly: Mapping[str, str], when: date, lang: str) -> str:
    """A place's hours on one day ('Friday 22 January 13:00–22:00'), or that it is closed."""
    hours = weekly.get(WEEKDAYS[when.weekday()], CLOSED)
    if hours == CLOSED:
        return translator(lang, DOMAIN).gettext(_CLOSED_ON).format(day=day(when, lang))
    return f"{day(when, lang)} {hours.replace('-', '–')}"


def ramadan_meals(exercise: Mapping[str, Any], lang: str) -> str | None:
    """The suhoor and iftar times, when the service says it is Ramadan today and the pack has
    them (`exercise.ramadan_meals`)."""
    meals = exercise.get("ramadan_meals")
    if not exercise.get("ramadan_today") or not meals:
        return None
    text = translator(lang, DOMAIN).gettext(_RAMADAN_MEALS)
    return text.format(
        suhoor=meals["suhoor"].replace("-", "–"), iftar=meals["iftar"].replace("-", "–")
    )


def now() -> datetime:
    """The moment freshness is judged at (tests fix it)."""
    return datetime.now(timezone.utc)


def stale_after(environ: Mapping[str, str] = os.environ) -> timedelta | None:
    """LIAISON_STALE_AFTER_DAYS (default 14); 0 turns the note off."""
    raw = environ.get("LIAISON_STALE_AFTER_DAYS", "").strip()
    days = int(raw) if raw.isdigit() else DEFAULT_STALE_AFTER_DAYS
    return timedelta(days=days) if days > 0 else None


def last_updated(items: Iterable[Mapping[str, Any]], lang: str) -> str | None:
    """'This information was last updated on 2 May 2026; ...' when the oldest of the items
    answered with was last updated longer ago than LIAISON_STALE_AFTER_DAYS, else None."""
    limit = stale_after()
    stamps = [
        datetime.fromisoformat(str(item["last_updated"]).replace("Z", "+00:00"))
        for item in items
        if item.get("last_updated")
    ]
    if limit is None or not stamps:
        return None
    oldest = min(stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc) for stamp in stamps)
    if now() - oldest <= limit:
        return None
    text = translator(lang, DOMAIN).gettext(_LAST_UPDATED)
    return text.format(date=full_date(oldest.date(), lang))
