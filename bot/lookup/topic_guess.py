"""The likely topic of a question the bot could not answer: its intent guess, mapped to a topic
as the actions map it, else the topic of the best search hit for its words, else none."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.lookup.search import search
from bot.lookup.store.items import get_row

# A copy of actions/answer_topic.py TOPIC_FOR_INTENT (the service never imports actions/);
# tests/lookup/test_unanswered.py fails if the two differ.
TOPIC_FOR_INTENT = {
    "ask_reporting": "reporting",
    "ask_badges_access": "badges_access",
    "ask_transport": "transport",
    "ask_lodging": "lodging",
    "ask_meal_times": "meals",
    "ask_laundry": "laundry",
    "ask_currency": "currency",
    "ask_communications": "communications",
    "ask_medical": "medical",
    "ask_emergency_contact": "emergency_contacts",
    "ask_weather_kit": "weather_kit",
    "ask_forms_of_address": "forms_of_address",
    "ask_ceremonies": "ceremonies",
    "ask_flag_order": "flag_order",
    "ask_dress_code": "dress",
    "ask_greetings_etiquette": "greetings",
    "ask_hospitality": "hospitality",
    "ask_prayer_facilities": "prayer_facilities",
    "ask_ramadan": "ramadan",
    "ask_gifts": "gifts",
    "ask_photography": "photography",
    "ask_gender_interaction": "gender_interaction",
    "ask_dining_manners": "dining_manners",
    "ask_dos_donts": "dos_and_donts",
}


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
