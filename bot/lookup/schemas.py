"""What the API answers: one language's view of the stored items, with their freshness."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel


class Health(BaseModel):
    status: str
    database: str
    exercise: str | None


class ExerciseView(BaseModel):
    id: str
    lang: str
    name: str
    languages: list[str]
    start_date: date
    end_date: date
    time_zone: str


class TopicItemView(BaseModel):
    id: str
    title: str
    text: str
    last_updated: datetime
    updated_by: str


class TopicAnswer(BaseModel):
    exercise_id: str
    topic: str
    lang: str
    items: list[TopicItemView]
