"""The knowledge topics, and which intent asks about which: the one definition read by the pack
schema (what a topic item may be about), the briefings (which section shows which topic), the
actions (to answer) and the lookup service (to sort the questions the bot could not answer by
likely topic). `tests/actions/test_topics.py` checks it against the domain's intents and rules.
"""

from __future__ import annotations

# Topics by the briefing section they belong to, in the order the briefing shows them.
LOGISTICS_TOPICS: tuple[str, ...] = (
    "reporting",
    "badges_access",
    "transport",
    "lodging",
    "meals",
    "laundry",
    "currency",
    "communications",
    "medical",
    "weather_kit",
)
PROTOCOL_TOPICS: tuple[str, ...] = ("forms_of_address", "ceremonies", "flag_order", "dress")
ETIQUETTE_TOPICS: tuple[str, ...] = (
    "greetings",
    "prayer_facilities",
    "ramadan",
    "hospitality",
    "gifts",
    "photography",
    "gender_interaction",
    "dining_manners",
    "dos_and_donts",
)
CONTACT_TOPICS: tuple[str, ...] = ("emergency_contacts",)

# Every topic a topic item can be about; the assistant has an intent for each.
TOPICS: tuple[str, ...] = LOGISTICS_TOPICS + PROTOCOL_TOPICS + ETIQUETTE_TOPICS + CONTACT_TOPICS

TOPIC_FOR_INTENT: dict[str, str] = {
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

# Who may read what (issue 19). `public`: anyone who finds the bot; `participants`: visitors
# enrolled with a contingent's code; `staff`: the liaison team (admin tokens). Etiquette, culture,
# key phrases, the exercise's public summary and safety information (emergency contacts) are
# public; what tells where and when people of the exercise are is for participants. A pack can
# set an item's own `audience`; these are the defaults, defined once.
AUDIENCES: tuple[str, ...] = ("public", "participants", "staff")
PUBLIC, PARTICIPANTS, STAFF = AUDIENCES

TOPIC_AUDIENCE: dict[str, str] = {
    **{topic: PARTICIPANTS for topic in LOGISTICS_TOPICS},
    "forms_of_address": PUBLIC,
    "ceremonies": PARTICIPANTS,  # which ceremonies, where and when
    "flag_order": PUBLIC,
    "dress": PUBLIC,
    **{topic: PUBLIC for topic in ETIQUETTE_TOPICS},
    "prayer_facilities": PARTICIPANTS,  # the rooms' places and hours on site
    "emergency_contacts": PUBLIC,  # safety information is always public
}

# Item kinds (lookup/packs/schema.py) other than topic items, whose audience is their topic's.
KIND_AUDIENCE: dict[str, str] = {
    "exercise": PUBLIC,  # name, dates, nations, public summary
    "venue": PARTICIPANTS,
    "event": PARTICIPANTS,
    "contact": PARTICIPANTS,
    "dress_code": PUBLIC,
    "rank": PUBLIC,
    "phrase": PUBLIC,
    "guideline": PUBLIC,
    "address_form": PUBLIC,
}


def default_audience(kind: str, topic: str | None = None) -> str:
    """The audience of an item that does not set its own; unknown kinds are staff's only."""
    if kind == "topic":
        return TOPIC_AUDIENCE.get(topic or "", STAFF)
    return KIND_AUDIENCE.get(kind, STAFF)


def may_read(tier: str, audience: str) -> bool:
    """Whether a reader of `tier` may read an item for `audience` (each tier reads the ones
    before it)."""
    return AUDIENCES.index(tier) >= AUDIENCES.index(audience)
