"""Which day a schedule question is about. Weekday and month names come from CLDR (Babel) for
every language; the few relative-day words are listed here until the NLU extracts dates
(issue 4's date entity)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from babel import Locale

from common.textnorm import fold, words

RELATIVE_DAYS = {
    0: ["today", "tonight", "aujourd'hui", "aujourdhui", "ce soir", "اليوم", "الليلة", "النهارده"],
    1: ["tomorrow", "demain", "غدا", "بكرة", "بكره", "بكرا"],
}


def requested_day(text: str, today: date, start: date, end: date, lang: str) -> date | None:
    """The day the text asks about, or None when it names none."""
    folded = fold(text)
    for offset, phrases in RELATIVE_DAYS.items():
        if any(re.search(rf"(^|\W){re.escape(fold(p))}($|\W)", folded) for p in phrases):
            return today + timedelta(days=offset)
    tokens = set(words(text))
    locale = Locale.parse(lang)
    # Names are normalised exactly like the message's words (Arabic article stripped, folded).
    months = {
        word: number
        for number, name in locale.months["format"]["wide"].items()
        for word in words(name)[:1]
    }
    for token in tokens:
        if token in months:
            numbers = [int(t) for t in tokens if t.isdigit() and 1 <= int(t) <= 31]
            for year in range(start.year, end.year + 1):
                for number in numbers:
                    try:
                        candidate = date(year, months[token], number)
                    except ValueError:
                        continue
                    if start <= candidate <= end:
                        return candidate
    weekdays = {  # 0 = Monday
        word: index
        for index, name in locale.days["format"]["wide"].items()
        for word in words(name)[:1]
    }
    for token in tokens:
        if token in weekdays:
            # The next such weekday during the exercise (or from today, if it is under way).
            first = max(start, today)
            return first + timedelta(days=(weekdays[token] - first.weekday()) % 7)
    return None
