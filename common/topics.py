"""Which knowledge topic answers which intent: shared by the actions (to answer) and the lookup
service (to sort the questions the bot could not answer by likely topic)."""

from __future__ import annotations

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
