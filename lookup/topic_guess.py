"""The likely topic of a question the bot could not answer: its intent guess, mapped to a topic
as the actions map it (common.topics), else the topic of the best search hit, else none."""

from __future__ import annotations

from sqlalchemy.orm import Session

from common.topics import TOPIC_FOR_INTENT
from lookup.search import search
from lookup.store.items import get_row


def guess_topic(
    session: Session, exercise_id: str | None, intent: str | None, text: str
) -> str | None:
    if intent in TOPIC_FOR_INTENT:
        return TOPIC_FOR_INTENT[intent]
    if exercise_id is None:
        return None
    for hit in search(session, exercise_id, text, kinds=["topic"], limit=1):
        row = get_row(session, exercise_id, hit.kind, hit.item_id)
        if row is not None:
            return row.topic
    return None
