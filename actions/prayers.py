"""Prayer-time questions ("when is maghrib today?", "what time is Friday prayer?", "prayer times
tomorrow"): which prayer and which day the visitor means, answered from the lookup service's
calculated times (GET /v1/prayer-times) in the visitor's language through the "visitor" catalogs.

The NLU already sends these questions to `ask_prayer_facilities` (the training data has "prayer
times today", "what time is the call to prayer"), so this reads the message itself to tell a time
question from a question about the prayer rooms; the words below are how each language names the
prayers, not texts the bot says. A prayer's name alone, without "where", asks for its time."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from common.i18n import N_, translator
from common.i18n.formatting import day as day_name

DOMAIN = "visitor"
PRAYERS: tuple[str, ...] = ("fajr", "sunrise", "dhuhr", "asr", "maghrib", "isha")
FRIDAY = "friday"
FRIDAY_WEEKDAY = 4


def _words(alternatives: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in alternatives.split("|"))


# How visitors write each prayer, in any of the languages (Latin spellings vary a lot).
NAMES: dict[str, tuple[str, ...]] = {
    FRIDAY: _words(
        "friday prayer|friday prayers|jumuah|jumu'ah|jumu’ah|jummah|jumma|juma|jumah|"
        "prière du vendredi|priere du vendredi|grande prière|"
        "صلاة الجمعة|صلاة الجمعه|خطبة الجمعة|نماز جمعہ|جمعہ کی نماز"
    ),
    "fajr": _words(
        "fajr|fajer|fadjr|dawn prayer|prière de l'aube|sobh|subh|الفجر|فجر|الصبح|صلاة الصبح"
    ),
    "sunrise": _words("sunrise|shuruq|shurooq|lever du soleil|الشروق|شروق|طلوع آفتاب|طلوع"),
    "dhuhr": _words("dhuhr|duhr|zuhr|zohr|dhohr|dohr|thuhr|noon prayer|الظهر|ظهر|ظہر"),
    "asr": _words("asr|العصر|عصر"),
    "maghrib": _words("maghrib|maghreb|sunset prayer|المغرب|مغرب"),
    "isha": _words("isha|ishaa|icha|isha'a|العشاء|عشاء|العشا|عشا"),
}
# Friday named alone ("متى الجمعة؟") asks for Friday prayer, unless it is the day of a
# timetable ("أوقات الصلاة يوم الجمعة") or of another prayer ("العصر يوم الجمعة").
BARE_FRIDAY = _words("الجمعة|الجمعه|جمعہ|جمعے")
DAY_BEFORE = _words("يوم|روز|بروز")
TIMETABLE_WORDS = _words("times|timetable|horaires|heures|أوقات|اوقات|مواقيت|مواعيد")
# Words that make a prayer question one about time ("when", "time", "timetable"...).
TIME_WORDS = _words(
    "when|what time|time|times|timetable|schedule|next prayer|"
    "quand|heure|heures|horaire|horaires|"
    "متى|امتى|إمتى|ايمتى|وقتاش|شوكت|شكد|كم|وقت|أوقات|اوقات|مواقيت|ميقات|موعد|مواعيد|الساعة|الساعه|"
    "کب|ٹائم|ٹائمنگ|ٹائمنگز|بجے|اوقات"
)
# Words for prayer itself: a time word counts only beside one ("what time is the call to
# prayer?"), not in any message the intent brought here.
PRAYER_WORDS = _words(
    "prayer|prayers|pray|salat|salah|namaz|adhan|azan|athan|prière|prières|priere|prieres|"
    "صلاة|الصلاة|الصلاه|صلاه|الصلوات|أذان|الأذان|الاذان|اذان|آذان|يأذن|يؤذن|نماز"
)
# "Where" as written: a prayer named with it and no "when" asks for the place, not the time.
# Not common.asking's WHERE_WORDS, which are folded: there French "ou" (or) is "où" (where),
# and "fajr ou isha ?" would ask for the prayer rooms instead of the two times.
WHERE_AS_WRITTEN = _words("where|où|أين|اين|وين|فين|کہاں|کدھر")
# Words that make it (also) one about a place: "somewhere to pray dhuhr", "friday prayer near
# the hotel?": the prayer rooms' text follows the times.
PLACE_WORDS = WHERE_AS_WRITTEN + _words(
    "somewhere|place|near|nearest|closest|room|mosque|masjid|lieu|endroit|salle|mosquée|près|"
    "مكان|قريب|أقرب|اقرب|المصلى|مصلى|المسجد|مسجد|الجامع|جامع|جگہ|"
    # the building it is held in or beside: "what time, and next to which building?"
    "building|buildings|beside|next to|bâtiment|batiment|bâtiments|à côté|a cote|"
    "مبنى|المبنى|عمارة|بجانب|بجوار|جنب|عمارت|بلڈنگ"
)


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


_NAMED = {prayer: _pattern(words) for prayer, words in NAMES.items()}
_BARE_FRIDAY = _pattern(BARE_FRIDAY)
_DAY_FRIDAY = re.compile(rf"(?<!\w)(?:{'|'.join(DAY_BEFORE)})\s+(?:{'|'.join(BARE_FRIDAY)})(?!\w)")
_TIMETABLE = _pattern(TIMETABLE_WORDS)
_TIME = _pattern(TIME_WORDS)
_PRAYER = _pattern(PRAYER_WORDS)
_PLACE = _pattern(PLACE_WORDS)
_WHERE = _pattern(WHERE_AS_WRITTEN)


def prayer_named(text: str) -> str | None:
    """The prayer the text names ('friday' for jumu'ah), or None: the first one written."""
    found = sorted((m.start(), prayer) for prayer, p in _NAMED.items() if (m := p.search(text)))
    if found:
        return found[0][1]
    bare = _BARE_FRIDAY.search(text)
    if bare and not _DAY_FRIDAY.search(text) and not _TIMETABLE.search(text):
        return FRIDAY
    return None


def asks_for_place(text: str) -> bool:
    """Whether it also asks where ("jumma prayer time and place")."""
    return bool(_PLACE.search(text))


def times_only(text: str) -> bool:
    """Whether the times alone answer it: it asks when, and nothing about a place. A prayer
    named without "when" ("is there friday prayer on camp", "خطبة الجمعة بأي لغة") gets the
    prayer rooms' text after the times, which may be what was asked."""
    return bool(_TIME.search(text)) and not asks_for_place(text)


def asks_for_times(text: str) -> bool:
    """Whether a prayer question is about times (not the rooms, ablutions or the qibla)."""
    if _TIME.search(text) and _PRAYER.search(text):
        return True
    return prayer_named(text) is not None and not _WHERE.search(text)


def next_friday(day: date) -> date:
    return day + timedelta(days=(FRIDAY_WEEKDAY - day.weekday()) % 7)


_PRAYER_NAMES = {
    "fajr": N_("Fajr"),
    "sunrise": N_("Sunrise"),
    "dhuhr": N_("Dhuhr"),
    "asr": N_("Asr"),
    "maghrib": N_("Maghrib"),
    "isha": N_("Isha"),
}
_ONE = N_("{prayer} at the camp on {day}: {time}.")
_ALL = N_("Prayer times at the camp on {day}:")
_FRIDAY_FROM_PACK = N_("Friday prayer (jumu'ah) at the camp on {day}: {time}.")
_FRIDAY_AT_DHUHR = N_(
    "Friday prayer (jumu'ah) on {day} is at dhuhr time, {time}; the camp's mosque can confirm "
    "when the sermon begins."
)
_CALCULATED = N_(
    "These times are calculated for the camp's position; the mosque's own timetable may differ "
    "by a minute or two."
)


def render(days: dict[str, Any], prayer: str | None, lang: str) -> list[str]:
    """The sentences of the answer for one day of GET /v1/prayer-times (`days[0]`)."""
    gettext = translator(lang, DOMAIN).gettext
    when = date.fromisoformat(days["date"])
    shown_day = day_name(when, lang)
    if prayer == FRIDAY and days.get("friday_prayer"):
        sentence = _FRIDAY_FROM_PACK if days.get("friday_from_pack") else _FRIDAY_AT_DHUHR
        return [gettext(sentence).format(day=shown_day, time=days["friday_prayer"])]
    if prayer in _PRAYER_NAMES:
        name = gettext(_PRAYER_NAMES[prayer])
        one = gettext(_ONE).format(prayer=name, day=shown_day, time=days["times"][prayer])
        return [one, gettext(_CALCULATED)]
    lines = [gettext(_ALL).format(day=shown_day)]
    lines += [f"{gettext(_PRAYER_NAMES[p])} {days['times'][p]}" for p in PRAYERS]
    return ["\n".join(lines), gettext(_CALCULATED)]
