"""What the API answers and accepts. Items are answered in one language: every text becomes that
language's string, or null with its path listed in `missing_translations` (never another
language's text)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field


class Health(BaseModel):
    status: str
    database: str
    exercise: str | None


class LocalizedItem(BaseModel):
    kind: str
    id: str
    lang: str
    last_updated: datetime
    updated_by: str
    fields: dict[str, Any] = Field(description="The item's fields, texts in `lang`")
    missing_translations: list[str] = Field(
        description="Paths of texts that have no translation in `lang`"
    )
    available_in: list[str] = Field(
        default_factory=list,
        description="When texts are missing in `lang`: the exercise's other languages that have "
        "every one of them, in the exercise's order (what the visitor can be offered instead; "
        "a missing text is never filled in from another language)",
    )
    related: dict[str, LocalizedItem] = Field(
        default_factory=dict, description="Items this one refers to (an event's venue and dress)"
    )


class ItemList(BaseModel):
    exercise_id: str
    lang: str
    items: list[LocalizedItem]
    withheld: int = Field(
        default=0,
        description="Items left out because they are not for the asker's tier (an unenrolled "
        "visitor is told how to enrol instead)",
    )


class SearchHit(BaseModel):
    score: float
    coverage: float = Field(
        default=1.0,
        description="Share of the query (words weighed by rarity, words found nowhere counting "
        "most) this item matches, 0..1: how much of a whole message it accounts for",
    )
    item: LocalizedItem


class SearchResults(BaseModel):
    exercise_id: str
    query: str
    lang: str
    hits: list[SearchHit]
    withheld: int = Field(default=0, description="Matches left out for the asker's tier")
    unmatched: list[str] = Field(
        default_factory=list,
        description="The query's words (folded) that match nothing in the searched kinds: a "
        "name the exercise lacks, or filler",
    )


class PrayerDay(BaseModel):
    date: date
    times: dict[str, str] = Field(
        description="fajr, sunrise, dhuhr, asr, maghrib, isha: local 'HH:MM', in that order"
    )
    friday_prayer: str | None = Field(
        default=None, description="On a Friday, the time of Friday (jumu'ah) prayer"
    )
    friday_from_pack: bool = Field(
        default=False,
        description="Whether friday_prayer is the pack's own time (else it is dhuhr's, to be "
        "confirmed at the camp's mosque)",
    )


class PrayerTimes(BaseModel):
    exercise_id: str
    lang: str
    time_zone: str
    method: str = Field(description="adhanpy's calculation method, e.g. umm_al_qura")
    days: list[PrayerDay]
    last_updated: datetime = Field(description="When the exercise's pack item last changed")


class MissingTranslation(BaseModel):
    kind: str
    id: str
    path: str
    missing: list[str] = Field(description="Languages without this text")
    stale: list[str] = Field(description="Languages whose text is older than the newest one")
    newest: datetime


class AuditView(BaseModel):
    id: int
    at: datetime
    actor: str
    action: str
    kind: str
    item_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class StoredItem(BaseModel):
    """An item as stored, every language included (what admin writes answer)."""

    kind: str
    id: str
    last_updated: datetime
    updated_by: str
    document: dict[str, Any]
