"""Which day a schedule question is about, read by dateparser (Arabic, English, French and some
200 other locales: "tomorrow", "après-demain", "يوم الجمعة", "3 juin", "٣ يونيو"...).

Days are counted from the exercise's local date (the caller works it out in the exercise's time
zone), and in two ways, as a liaison officer would:
- a relative expression ("today", "demain", "غدا", "in 2 days") counts from today;
- a day named ("Thursday", "le 3 juin") is the next such day during the exercise, from its first
  day if it has not begun, today included: "mercredi" asked on a Wednesday is that day; failing
  that, the one earlier in the exercise ("mardi" asked on its last day). A date outside the
  exercise is not one its schedule can answer (and dateparser's reading of "the 2nd" as
  1 February 2028 is not taken).
dateparser knows Modern Standard Arabic; the few spoken words it lacks are mapped to words it
knows before it reads the text (`COLLOQUIAL`), nothing else is parsed here.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from functools import cache

from babel import Locale

from actions.date_search import search_dates_from
from common.languages import LANGUAGES

# Words dateparser does not know → the word it knows for the same day: "the morrow", Gulf,
# Levantine and Egyptian "tomorrow" and "today", "tonight" (the evening programme is today's),
# French "1er", and Arabic's "يوم" (day) before a day's name, which stops dateparser finding
# "يوم الخميس" after a preposition ("في يوم الخميس").
COLLOQUIAL = {
    "الغد": "غدا",  # "برنامج الغد", tomorrow's programme
    "بكرة": "غدا",
    "بكره": "غدا",
    "بكرا": "غدا",
    "النهارده": "اليوم",
    "النهاردة": "اليوم",
    "الليلة": "اليوم",
    "الليله": "اليوم",
    "يوم": "",
    "ce soir": "aujourd'hui",
    "1er": "1",  # "le 1er juin": dateparser 1.2.0 finds "juin" alone
    "tonight": "today",
}
_COLLOQUIAL = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(w) for w in sorted(COLLOQUIAL, key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)


# Words that say "which day" without a day's or month's name or a number (those come from
# CLDR for every language), for the cheap check before dateparser reads a message.
RELATIVE_DAYS = [
    "today",
    "tomorrow",
    "tonight",
    "yesterday",
    "aujourd'hui",
    "aujourd’hui",
    "demain",
    "après-demain",
    "ce soir",
    "اليوم",
    "غدا",
    "غداً",
    "بعد غد",
    "آج",
    "کل",
    "پرسوں",
]


def may_name_a_day(text: str) -> bool:
    """Whether the text may name a day (a digit, a weekday or month name in any of the
    languages, "today", "demain", "بكرة"...): answers that only change with a day named skip
    reading the date (dateparser costs tens of milliseconds) when it names none."""
    return any(ch.isdigit() for ch in text) or bool(_day_words().search(singular_days(text)))


def without_day_words(text: str) -> str:
    """The text without its words for a day ("camp shop opening hours on friday" -> "camp shop
    opening hours on "): once the day is read, they say when, not which item, and searched they
    find whatever mentions that day (the prayer room's Friday prayer) over the place asked."""
    return _day_words().sub(" ", singular_days(text))


# A day's name in the plural, or Urdu's oblique before کو / کے دن, is that day of the week ("open
# on Sundays?", "les mardis", "منگلوں کو", "جمعے کے دن"): dateparser 1.2 reads none of them, and the
# week's hours came instead of that day's. Each is written as the day's CLDR name before reading.
_PLURAL_WITH_S = ("en", "fr")
_URDU_DAY_AFTER = r"(?=\s+(?:کو|کے\s+دن|کے\s+روز)(?!\w))"


@cache
def _plural_days() -> tuple[re.Pattern[str], dict[str, str]]:
    """The plural (and Urdu oblique) forms of the languages' day names, and each one's name."""
    forms: dict[str, str] = {}
    urdu: dict[str, str] = {}
    for lang in LANGUAGES:
        locale = Locale.parse(lang)
        for context in ("format", "stand-alone"):
            for name in locale.days[context]["wide"].values():
                if lang == "ur":
                    stem = name[:-1] if name.endswith("ہ") else name
                    for ending in ("ے", "وں") if name.endswith("ہ") else ("وں",):
                        urdu[stem + ending] = name
                elif lang in _PLURAL_WITH_S:
                    forms[f"{name}s".lower()] = name
    latin = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    oblique = "|".join(re.escape(f) for f in sorted(urdu, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<!\w)(?:(?P<les>les\s+)?(?P<latin>{latin})|(?P<urdu>{oblique}){_URDU_DAY_AFTER})(?!\w)",
        re.IGNORECASE,
    )
    return pattern, {**forms, **urdu}


def singular_days(text: str) -> str:
    """The text with its plural day names written as the day's name ("on Fridays" -> "on
    Friday", "les vendredis" -> "le vendredi", "جمعوں کو" -> "جمعہ کو")."""
    pattern, names = _plural_days()

    def name(found: re.Match[str]) -> str:
        said = found.group("latin") or found.group("urdu")
        day = names[said.lower()] if found.group("latin") else names[said]
        return f"le {day}" if found.group("les") else day

    return pattern.sub(name, text)


@cache
def _day_words() -> re.Pattern[str]:
    words = {*COLLOQUIAL, *RELATIVE_DAYS}
    for lang in LANGUAGES:
        locale = Locale.parse(lang)
        for context in ("format", "stand-alone"):
            words |= set(locale.days[context]["wide"].values())
            words |= set(locale.months[context]["wide"].values())
    words.discard("")
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


# "a" or "un" before a day's name: dateparser 1.2 reads "on a Friday" and "un vendredi" as a
# month from now ("camp shop hours on a Friday?" was answered with Thursday's hours a month on);
# without the article it reads the day.
_INDEFINITE = ("a", "an", "un", "une")


@cache
def _indefinite_day() -> re.Pattern[str]:
    days = set()
    for lang in LANGUAGES:
        locale = Locale.parse(lang)
        for context in ("format", "stand-alone"):
            days |= set(locale.days[context]["wide"].values())
    names = "|".join(re.escape(day) for day in sorted(days, key=len, reverse=True))
    articles = "|".join(_INDEFINITE)
    return re.compile(rf"(?<!\w)(?:{articles})\s+(?=(?:{names})(?!\w))", re.IGNORECASE)


# Relative days dateparser 1.2 does not read in Urdu (it finds neither کل nor پرسوں, and reads
# no other language's word inside an Urdu sentence): days from today. کل is both "yesterday"
# and "tomorrow"; a visitor asking about the exercise's hours or programme means tomorrow.
URDU_RELATIVE_DAYS = {"آج": 0, "کل": 1, "پرسوں": 2}
_URDU_RELATIVE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(URDU_RELATIVE_DAYS, key=len, reverse=True)) + r")(?!\w)"
)


# A time of day the text names, in any of the languages: "07:00", "9h30", "9 h", "7am", "at 7",
# "à 9", "vers 9", "الساعة 9", "9 بجے". dateparser 1.2 reads none of "le 18 janvier à 9h" or "june
# 2 at 7" (it finds no date at all when such a time follows one), so the time is read here and
# taken out before dateparser reads the day.
_HOUR = r"(?P<hour>[01]?\d|2[0-3])"
_TIMES = [
    re.compile(rf"(?<![\w:.]){_HOUR}\s?(?::|h|H)\s?(?P<minute>[0-5]\d)(?!\w)"),
    re.compile(rf"(?<![\w:.]){_HOUR}\s?(?P<half>am|pm|a\.m\.|p\.m\.|h)(?!\w)", re.IGNORECASE),
    re.compile(
        rf"(?<!\w)(?:at|around|à|vers|الساعة|الساعه|ساعة)\s+{_HOUR}(?![\w:/]|[.,]\d)",
        re.IGNORECASE,
    ),
    re.compile(rf"(?<![\w:.]){_HOUR}\s?بجے"),
]


def _time_match(text: str) -> re.Match[str] | None:
    for pattern in _TIMES:
        found = pattern.search(text)
        if found:
            return found
    return None


def time_asked(text: str) -> time | None:
    """The time of day the text names ("à 9h", "at 7", "7pm", "الساعة ٩"), or None."""
    found = _time_match(text)
    if found is None:
        return None
    hour = int(found.group("hour"))
    groups = found.groupdict()
    if (groups.get("half") or "").lower().startswith("p") and hour < 12:
        hour += 12
    return time(hour, int(groups.get("minute") or 0))


def without_time(text: str) -> str:
    """The text without the time of day it names (dateparser then reads the day it names)."""
    found = _time_match(text)
    return text if found is None else f"{text[: found.start()]} {text[found.end() :]}"


def requested_day(text: str, today: date, start: date, end: date, lang: str) -> date | None:
    """The day the text asks about, or None when it names none (or only days outside the
    exercise)."""
    plain = _COLLOQUIAL.sub(lambda m: COLLOQUIAL[m.group(1).lower()], without_time(text))
    plain = _indefinite_day().sub("", singular_days(plain))
    if lang == "ur" and (relative := _URDU_RELATIVE.search(plain)):
        return today + timedelta(days=URDU_RELATIVE_DAYS[relative.group(1)])
    yesterday = today - timedelta(days=1)
    # Read from today and from the day before: a relative expression lands as far from either
    # base; a day named or a date does not (it is the same day, or a week apart).
    from_today = _found(plain, lang, today)
    if not from_today:
        return None
    readings = {yesterday: dict(_found(plain, lang, yesterday))}

    def read_from(base: date) -> dict[str, date]:
        if base not in readings:
            readings[base] = dict(_found(plain, lang, base))
        return readings[base]

    # Day names and dates resolve to the next such day after the base: from the day before the
    # exercise's first remaining day (that day itself included), else from its start (a day
    # already past, during the exercise).
    first = max(start, today)
    for words, day in from_today:
        before = readings[yesterday].get(words)
        if before is not None and day - today == before - yesterday:
            return day
        for base in (first - timedelta(days=1), start - timedelta(days=1)):
            chosen = read_from(base).get(words)
            if chosen is not None and start <= chosen <= end:
                return chosen
    return None


def _found(text: str, lang: str, base: date) -> list[tuple[str, date]]:
    """(words, day) for each date dateparser finds in the text, counting from `base`."""
    relative_base = datetime.combine(base, datetime.min.time())
    # dateparser's search_dates with RELATIVE_BASE, PREFER_DATES_FROM="future" and
    # RETURN_AS_TIMEZONE_AWARE=False, its language and translation read once per text
    found = search_dates_from(text, tuple(_languages(lang)), relative_base) or []
    return [
        (words, when.date())
        for words, when in found
        if not _abbreviation_only(words) and not _time_unit_only(words)
    ]


# Units of time within a day, and the articles dateparser reads with them: alone, dateparser
# reads "heure" (of "à quelle heure"), "hour", "ساعة" or "une minute" as now, that is today, and
# that reading came first: "à quelle heure est le maghrib le 20 janvier" and "jusqu'à quelle
# heure est ouverte la boutique vendredi" were answered for today, not the day they name.
_TIME_UNITS = frozenset(
    re.findall(
        r"\w+",
        "hour hours minute minutes second seconds heure heures seconde secondes "
        "ساعة ساعه الساعة الساعه ساعات دقيقة دقيقه دقائق ثانية گھنٹہ گھنٹے منٹ "
        "a an one the une un la le l",
    )
)


def _time_unit_only(words: str) -> bool:
    """Whether dateparser's reading is only a unit of time ("heure", "hour", "ساعة"), which
    asks what time, not which day."""
    return all(word.lower() in _TIME_UNITS for word in re.findall(r"\w+", words))


def _abbreviation_only(words: str) -> bool:
    """Whether dateparser's reading rests on a day's two-letter abbreviation alone: "je", "ma",
    "me" (jeudi, mardi, mercredi in French), "we" and "sa" are far more often a pronoun or a
    word of the question than a day ("je mets quoi le 2 juin" was read as Thursday, and the
    dress of the wrong day given)."""
    return not any(ch.isdigit() for ch in words) and all(
        len(word) <= 2 for word in re.findall(r"\w+", words)
    )


@cache
def _languages(lang: str) -> list[str]:
    """The message's language first, then the exercise's others (a French visitor may still
    write "Friday")."""
    return [lang, *(other for other in LANGUAGES if other != lang)]
