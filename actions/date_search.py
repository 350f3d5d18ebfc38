"""dateparser's `search_dates`, read once per message (issue 22: CPU per custom-action turn).

`actions.dates.requested_day` reads the same message from up to three base days (today, the day
before, the day before the exercise's first remaining day), and dateparser 1.2.0's
`search_dates` does three things each time: it picks the message's language among those given,
translates the message into English date words ("اليوم" -> "0 day ago", "demain" -> "in 1
day"), then parses each of those words from the base day. Only the last step reads the base day
(`RELATIVE_BASE`); the language and the translation are those of the text. The translated date
words also come round again and again across messages ("0 day ago", "in 1 day", a building's
number). So here the first two steps are done once per text and the third once per (date words,
base day): the same calls of dateparser's own code, in the same order, with the same settings
(`tests/actions/test_date_search.py` checks the result equals `search_dates`'s for thousands
of texts and bases). About half of the action server's CPU on questions never asked before was
dateparser.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from dateparser.conf import Settings, check_settings  # type: ignore[import-untyped]
from dateparser.conf import settings as default_settings
from dateparser.date import DateDataParser  # type: ignore[import-untyped]
from dateparser.search import _search_with_detection  # type: ignore[import-untyped]

# dateparser's search reads these two languages from the original text, not the translation
# (`_ExactLanguageSearch.search_parse`); none is one of ours, kept for exactness.
_READ_UNTRANSLATED = ("vi", "hu")


def search_dates_from(
    text: str, languages: tuple[str, ...], base: datetime
) -> list[tuple[str, datetime]] | None:
    """What `dateparser.search.search_dates(text, languages=list(languages), settings=...)`
    returns with settings RELATIVE_BASE=base, PREFER_DATES_FROM="future",
    RETURN_AS_TIMEZONE_AWARE=False (a new list each call)."""
    read = _translated(text, languages)
    if read is None:
        return None
    found = _parsed(*read, base)
    return list(found) or None


@lru_cache(maxsize=64)
def _settings(base: datetime) -> Settings:
    """The settings object `search_dates` builds from its dict (its `apply_settings`), checked
    as `search_dates` checks it."""
    modified = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "future",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    settings = default_settings.replace(mod_settings=modified, **modified)
    check_settings(settings)
    return settings


# The language and the translation of a text: the base day is not read there (any base's
# settings give the same; the day before's is used, as any other would be).
@lru_cache(maxsize=256)
def _translated(
    text: str, languages: tuple[str, ...]
) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    settings = _settings(datetime.min)
    shortname = _search_with_detection.detect_language(
        text=text, languages=list(languages), settings=settings, detect_languages_function=None
    )
    if not shortname:
        return None
    translated, original = _search_with_detection.search.search(shortname, text, settings)
    return shortname, tuple(translated), tuple(original)


@lru_cache(maxsize=1024)
def _parsed(
    shortname: str, translated: tuple[str, ...], original: tuple[str, ...], base: datetime
) -> tuple[tuple[str, datetime], ...]:
    """`_ExactLanguageSearch.search_parse` after its translation: each piece parsed from
    `base` (a fresh parser each time, as there)."""
    settings = _settings(base)
    if shortname in _READ_UNTRANSLATED:
        languages, to_parse = [shortname], list(original)
    else:
        languages, to_parse = ["en"], list(translated)
    parser = DateDataParser(languages=languages, settings=settings)
    parsed, substrings = _search_with_detection.search.parse_found_objects(
        parser=parser,
        to_parse=to_parse,
        original=list(original),
        translated=list(translated),
        settings=settings,
    )
    return tuple(zip(substrings, [item[0]["date_obj"] for item in parsed], strict=False))
