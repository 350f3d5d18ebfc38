"""Format 1 of the exercise pack. `liaison pack-schema` prints it as JSON Schema."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Translations = dict[LanguageCode, NonEmptyText]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExerciseSpec(_Strict):
    id: Slug
    name: Translations
    languages: list[LanguageCode] = Field(min_length=1)
    start_date: date
    end_date: date
    time_zone: str = Field(description="IANA time zone name, e.g. Asia/Riyadh")


class TopicItemSpec(_Strict):
    id: Slug
    topic: Slug = Field(description="What the item answers: meals, prayer_facilities, ...")
    title: Translations
    text: Translations
    last_updated: datetime
    updated_by: NonEmptyText


class Pack(_Strict):
    format_version: Literal[1]
    exercise: ExerciseSpec
    topics: list[TopicItemSpec] = Field(min_length=1)
