"""Format 1 of the exercise pack: every kind of item the assistant can answer about.

`liaison pack-schema` prints it as JSON Schema. Texts are `Translations`: one string per language
code. The same models validate admin API writes, so a pack and an edit obey the same rules.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date, datetime
from typing import Annotated, Any, Literal

from adhanpy.calculation.CalculationMethod import CalculationMethod  # type: ignore[import-untyped]
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel, StringConstraints

from common.topics import AUDIENCES, TOPICS

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]


def _printable(text: str) -> str:
    """Refuse control characters (all of Unicode's Cc but tab and line breaks) and the bidi
    embedding, override and isolate controls: they break the YAML, CSS and PDF the texts end up
    in, or reorder what a reader sees (issue 18, item 10). Ordinary marks (LRM, RLM, ZWJ) stay."""
    for character in text:
        if character in "\t\n\r":
            continue
        if unicodedata.category(character) == "Cc" or character in BIDI_CONTROLS:
            raise ValueError(f"control character U+{ord(character):04X} is not allowed in a text")
    return text


BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
NonEmptyText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_printable)
]
PlainText = Annotated[str, AfterValidator(_printable)]
OVERNIGHT = "+1"  # suffix of hours that end the next day: "22:00-02:00+1"


def _clock_range(value: str) -> str:
    """Opening hours that run backwards ("18:00-09:00") or past 24:00 ("08:00-25:00") are
    mistakes a pattern alone lets through; hours past midnight say so with "+1"."""
    if value == "closed":
        return value
    opens, closes = value.removesuffix(OVERNIGHT).split("-")
    minutes = [int(clock[:2]) * 60 + int(clock[3:]) for clock in (opens, closes)]
    if minutes[0] >= 24 * 60 or minutes[1] > 24 * 60:
        raise ValueError(
            f"'{value}' runs past 24:00; hours that end after midnight are written with +1, "
            "e.g. '22:00-02:00+1'"
        )
    if value.endswith(OVERNIGHT) and minutes[1] >= minutes[0]:
        raise ValueError(f"'{value}' ends the next day (+1) yet closes after it opens")
    if not value.endswith(OVERNIGHT) and minutes[1] <= minutes[0]:
        raise ValueError(
            f"'{value}' closes before it opens; if it ends after midnight write "
            f"'{opens}-{closes}+1'"
        )
    return value


ClockRange = Annotated[
    str,
    StringConstraints(pattern=r"^(closed|\d\d:[0-5]\d-\d\d:[0-5]\d(\+1)?)$"),
    AfterValidator(_clock_range),
]
RankCode = Annotated[str, StringConstraints(pattern=r"^(OF-([1-9]|10)|OR-[1-9])$")]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

# What a topic item can be about (common.topics: the assistant has an intent for each).
Topic = Literal[TOPICS]  # type: ignore[valid-type]


class Translations(RootModel[dict[LanguageCode, NonEmptyText]]):
    """One text in several languages, e.g. {"ar": "...", "en": "...", "fr": "..."}."""

    def get(self, lang: str) -> str | None:
        return self.root.get(lang)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


Audience = Literal[AUDIENCES]  # type: ignore[valid-type]


class Item(_Strict):
    """Every stored item says who last changed it and when, and may say who may read it."""

    id: Slug
    last_updated: datetime
    updated_by: NonEmptyText
    audience: Audience | None = Field(
        default=None,
        description="Who may read this item: 'public' (anyone who finds the assistant), "
        "'participants' (visitors enrolled with their contingent's code) or 'staff' (the "
        "liaison team). Without it, the default of its kind and topic (common/topics.py): "
        "etiquette, culture, phrases, ranks, dress, the exercise summary and emergency contacts "
        "are public; logistics topics, ceremonies, prayer facilities, venues, events and "
        "contacts are for participants.",
    )


class Nation(_Strict):
    code: Slug = Field(description="Short code used in flag_order and rank titles, e.g. 'nhr'")
    role: Literal["host", "partner"]
    name: Translations


class Phase(_Strict):
    id: Slug
    name: Translations
    start_date: date
    end_date: date
    description: Translations


class RamadanDates(_Strict):
    """Ramadan as announced where the exercise takes place (it begins with the sighting of the new
    moon). Without it, briefings use the Umm al-Qura calendar's expected dates and say so. The
    loader refuses dates more than 2 days from Umm al-Qura's for that year: a sighting moves them
    by a day or two, a copy from another year by far more."""

    start_date: date = Field(description="First day of fasting")
    end_date: date = Field(description="Last day of fasting")
    source: Translations | None = Field(default=None, description="Who announced these dates")


class RamadanMeals(_Strict):
    """When the camp serves the meals of Ramadan, local time: meal questions asked during Ramadan
    mention them."""

    suhoor: ClockRange = Field(description="The meal before dawn, e.g. '03:00-04:15'")
    iftar: ClockRange = Field(description="The meal that breaks the fast, e.g. '17:50-19:30'")


# adhanpy's calculation methods, named in lower case ("umm_al_qura", "muslim_world_league").
PRAYER_METHODS: tuple[str, ...] = tuple(
    method.name.lower() for method in CalculationMethod if method is not CalculationMethod.NONE
)
PrayerMethod = Literal[PRAYER_METHODS]  # type: ignore[valid-type]
ClockTime = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]


class PrayerTimesSpec(_Strict):
    """Where the camp is and how its mosque reckons prayer times, so the assistant answers "when
    is maghrib today?" by calculation (adhanpy) rather than from a table someone must retype.
    The coordinates are only used for the calculation: no answer or public view shows them."""

    latitude: float = Field(ge=-90, le=90, description="The camp's latitude, degrees north")
    longitude: float = Field(ge=-180, le=180, description="The camp's longitude, degrees east")
    method: PrayerMethod = Field(
        description="Calculation method as adhanpy names it: " + ", ".join(PRAYER_METHODS)
    )
    madhab: Literal["shafi", "hanafi"] = Field(
        default="shafi", description="School for the asr time (hanafi: later)"
    )
    friday_prayer: ClockTime | None = Field(
        default=None,
        description="Local time of Friday (jumu'ah) prayer at the camp, e.g. '12:15'; without "
        "it answers give dhuhr's time and say that the camp's mosque confirms it",
    )


class ExerciseSpec(Item):
    name: Translations
    summary: Translations
    languages: list[LanguageCode] = Field(min_length=1, description="Working languages")
    start_date: date
    end_date: date
    time_zone: str = Field(
        description="IANA time zone name, e.g. Asia/Riyadh. Event times are written with this "
        "zone's UTC offset (+03:00 for Asia/Riyadh) or in UTC (Z); any other offset is refused."
    )
    nations: list[Nation] = Field(min_length=1)
    flag_order: list[Slug] = Field(description="Nation codes in order of precedence")
    phases: list[Phase] = Field(default_factory=list)
    ramadan: RamadanDates | None = None
    ramadan_meals: RamadanMeals | None = None
    prayer_times: PrayerTimesSpec | None = None


class TopicItem(Item):
    topic: Topic
    title: Translations
    text: Translations


class OpeningHours(_Strict):
    """Hours per weekday as 'HH:MM-HH:MM' (24-hour clock, local time, closing after opening, at
    the latest 24:00) or 'closed'; hours that end after midnight end with '+1' and belong to the
    day they begin: 'fri: 22:00-02:00+1' is Friday 22:00 to Saturday 02:00. Ramadan hours where
    they differ: served instead of the weekly ones on the days of Ramadan (`exercise.ramadan`,
    else the Umm al-Qura calendar)."""

    weekly: dict[Weekday, ClockRange]
    ramadan: dict[Weekday, ClockRange] | None = None


class Venue(Item):
    name: Translations
    purpose: Translations
    directions: Translations
    hours: OpeningHours | None = None


class DressCode(Item):
    name: Translations
    description: Translations


class Event(Item):
    kind: Literal["ceremony", "briefing", "training", "social"]
    title: Translations
    description: Translations
    venue: Slug = Field(description="id of a venue")
    start: datetime
    end: datetime
    dress: Slug | None = Field(default=None, description="id of a dress code")


class Rank(Item):
    """One STANAG 2116 grade and each nation's titles for it (a grade may hold several ranks)."""

    code: RankCode
    titles: dict[Slug, list[Translations]] = Field(description="nation code -> titles")


class Contact(Item):
    name: Translations
    role: Translations
    languages: list[LanguageCode] = Field(min_length=1, description="Languages the contact speaks")
    phone: PlainText | None = None
    email: PlainText | None = None
    radio: PlainText | None = None
    hours: Translations | None = None


class Phrase(Item):
    """A phrase visitors can use, in the language people speak (usually the host's), with a
    conventional Latin transliteration and its meaning in every working language."""

    language: LanguageCode = Field(description="Language of the phrase, e.g. 'ar'")
    phrase: NonEmptyText = Field(description="The phrase as written in that language")
    transliteration: NonEmptyText = Field(description="In Latin letters, e.g. 'shukran'")
    meaning: Translations
    note: Translations | None = Field(default=None, description="When to say it; the reply")


class Guideline(Item):
    """One do or don't, with the reason behind it. `text` names the action itself ("Point the
    soles of your feet at someone"); `advice` says whether to do it or avoid it."""

    advice: Literal["do", "dont"]
    topic: Topic | None = Field(default=None, description="The topic it belongs to, if any")
    text: Translations
    reason: Translations


class AddressForm(Item):
    """How to address one nation's personnel: whom, and what to say."""

    nation: Slug = Field(description="Code of the nation whose personnel this is about")
    addressee: Translations = Field(description='Whom, e.g. "a superior officer"')
    form: Translations = Field(description='What to say, e.g. "Sir" or "mon colonel"')
    note: Translations | None = None


# Pack section -> (kind stored in the database, model). Order is load order: references last.
KINDS: dict[str, tuple[str, type[Item]]] = {
    "topics": ("topic", TopicItem),
    "venues": ("venue", Venue),
    "dress_codes": ("dress_code", DressCode),
    "events": ("event", Event),
    "ranks": ("rank", Rank),
    "contacts": ("contact", Contact),
    "phrases": ("phrase", Phrase),
    "guidelines": ("guideline", Guideline),
    "forms_of_address": ("address_form", AddressForm),
}
MODEL_OF_KIND: dict[str, type[Item]] = {
    "exercise": ExerciseSpec,
    **{kind: model for kind, model in KINDS.values()},
}


class Pack(_Strict):
    format_version: Literal[1]
    exercise: ExerciseSpec
    topics: list[TopicItem] = Field(min_length=1)
    venues: list[Venue] = Field(default_factory=list)
    dress_codes: list[DressCode] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    ranks: list[Rank] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    phrases: list[Phrase] = Field(default_factory=list)
    guidelines: list[Guideline] = Field(default_factory=list)
    forms_of_address: list[AddressForm] = Field(default_factory=list)

    def items(self) -> Iterator[tuple[str, Item]]:
        """(kind, item) for every item, the exercise first."""
        yield "exercise", self.exercise
        for section, (kind, _model) in KINDS.items():
            for item in getattr(self, section):
                yield kind, item


def translations_in(value: Any, path: str = "") -> Iterator[tuple[str, Translations]]:
    """Every Translations inside a model, with its dotted path (e.g. 'titles.nhr.0')."""
    if isinstance(value, Translations):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from translations_in(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from translations_in(child, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from translations_in(child, f"{path}.{index}" if path else str(index))


def languages_outside(item: BaseModel, languages: list[str]) -> Iterator[tuple[str, str]]:
    """(text path, language) for every text in a language the exercise does not list."""
    for path, translations in translations_in(item):
        for lang in sorted(translations.root.keys() - set(languages)):
            yield path, lang


def languages_missing(item: BaseModel, languages: list[str]) -> Iterator[tuple[str, str]]:
    """(text path, language) for every text lacking one of the exercise's languages."""
    for path, translations in translations_in(item):
        for lang in languages:
            if lang not in translations.root:
                yield path, lang
