"""Topics a message asks by its kind of words when the intent chose another answer or none
(issue 20, by kind): a meal asked as an event or a place ("شام کا کھانا کتنے بجے شروع ہوگا",
"when is the first meal of the day", in an exercise whose programme has no meal) gets the meals'
texts; a fault in one's room ("the heating in my room stopped working, who do I tell", "کمرے میں
کچھ خراب ہو جائے تو کس نمبر پر فون کروں") gets the lodging text, which says where faults are
reported, rather than the emergency numbers. Each only when the exercise has that text; the
caller's answer stands otherwise."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.base import say_freshness, say_topic_texts
from actions.lookup_client import ForParticipants, LookupClient, NoAnswer
from common.asking import WHEN_WORDS, WHERE_WORDS
from common.textnorm import words

# Words naming a meal, folded, every language.
MEAL_WORDS = frozenset(
    words(
        "breakfast lunch dinner supper meal meals brunch "
        "dejeuner diner repas souper dine dinons dinez dejeune dejeunons "
        "فطور فطار افطار غداء غدا عشاء عشا وجبه وجبات الوجبه الوجبات سحور "
        "ناشتہ ناشتا ناشتے کھانا کھانے کھانوں لنچ ڈنر سحری افطاری عشائیہ عشائیے ظہرانہ "
        "nashta nashtay khana khane "
        # Eating asked where or when ("where do I go to eat", "on mange où", "وين اروح آكل",
        # Darija "fin nakol", "کہاں کھاؤں") is a meal's question too.
        "eat eating manger mange mangent اكل ناكل ياكل makla nakol nakl کھاؤں کھائیں khaun"
    )
)

# A fault: broken, stopped or not working, leaking (folded, every language; Urdu's خراب is also
# Arabic's "ruin", never said of a room otherwise).
_FAULT_WORDS = frozenset(
    words(
        "broken broke fault faulty faults leak leaking leaks working works "
        "panne cassee casse cassees fuit fuite marche fonctionne defectueux defectueuse "
        "خربان خربانه خربت خرب عطل عطلان عطلانه معطل معطله بايظ بايظه مكسور مكسوره "
        "خراب خرابی ٹوٹ ٹوٹا ٹوٹی ٹوٹے kharab toot toota tooti"
    )
)
# One's room and what is in it (folded, every language).
_ROOM_WORDS = frozenset(
    words(
        "room bedroom heating heater radiator conditioning aircon lock tap shower toilet light "
        "lights window bulb "
        "chambre chauffage radiateur clim climatisation serrure robinet douche lumiere fenetre "
        "ampoule "
        "غرفه غرفتي غرفتنا الغرفه اوضه اوضتي مكيف المكيف تكييف التكييف تدفئه التدفئه دفايه "
        "قفل حنفيه دش دوش حمام نور ضو لمبه شباك "
        "کمرہ کمرے کمرا کمرہ ہیٹر ہیٹنگ تالا نل شاور لائٹ بتی کھڑکی "
        "kamra kamre heater"
    )
)
# An emergency is the emergency numbers' question whatever else is broken.
_EMERGENCY_WORDS = frozenset(
    words(
        "fire smoke injured injury hurt blood bleeding emergency urgent gas "
        "feu incendie fumee blesse blessee sang urgence urgent gaz "
        "حريق حريقه دخان نار مصاب اصابه جرح دم طوارئ غاز "
        "آگ دھواں زخمی خون ایمرجنسی گیس"
    )
)


def reports_a_room_fault(text: str) -> bool:
    """Whether the message reports something broken in one's room, no emergency said."""
    said = set(words(text))
    return bool(_FAULT_WORDS & said and _ROOM_WORDS & said and not _EMERGENCY_WORDS & said)


def asks_about_a_meal(text: str, when_or_where: bool = False) -> bool:
    """Whether the message names a meal (and, with `when_or_where`, asks when or where)."""
    said = set(words(text))
    if not MEAL_WORDS & said:
        return False
    return not when_or_where or bool((WHEN_WORDS | WHERE_WORDS) & said)


def asks_a_meal_bare(text: str, events: list[dict[str, Any]]) -> bool:
    """Whether the message names a meal, the events are meals of the programme (a meal word in
    each title) and it says nothing of their titles beyond the meal ("what time is dinner pls",
    which finds the welcome and the farewell dinners by "dinner" alone; "when is the welcome
    dinner" names one, and an event that is no meal was found for something else)."""
    said = set(words(text))
    if not events or not MEAL_WORDS & said:
        return False
    titles = [{w for w in words(e["fields"].get("title") or "") if len(w) > 2} for e in events]
    return all(title & MEAL_WORDS and not (title - MEAL_WORDS) & said for title in titles)


async def say_meals_before_events(
    client: LookupClient,
    dispatcher: CollectingDispatcher,
    text: str,
    events: list[dict[str, Any]],
    lang: str,
) -> list[dict[str, Any]]:
    """The meals' texts, when the message asks a meal bare and the events found carry only that
    meal's word in their titles (asks_a_meal_bare): a visitor asking when dinner is means the
    daily meal, so its times come first, and the caller says the programme's dinners after them
    (they may be what is meant on their evening). The texts said; none otherwise, or when the
    exercise has no meals text this visitor may read."""
    if not asks_a_meal_bare(text, [e for e in events if e.get("kind") == "event"]):
        return []
    try:
        items = await client.topic("meals", lang)
    except (NoAnswer, ForParticipants):
        return []
    await say_topic_texts(client, dispatcher, "meals", items, lang)
    return items


async def say_topic(
    client: LookupClient, dispatcher: CollectingDispatcher, topic: str, lang: str
) -> bool:
    """Say a topic's texts (the meals' with Ramadan's meals when it is on) and how old they are;
    whether the exercise has any this visitor may read."""
    try:
        items = await client.topic(topic, lang)
    except (NoAnswer, ForParticipants):
        return False
    await say_topic_texts(client, dispatcher, topic, items, lang)
    say_freshness(dispatcher, items, lang)
    return True


async def say_meals_asked(
    client: LookupClient, dispatcher: CollectingDispatcher, text: str, lang: str
) -> bool:
    """The meals' texts when the message names a meal; whether said."""
    return asks_about_a_meal(text) and await say_topic(client, dispatcher, "meals", lang)


async def say_room_fault_asked(
    client: LookupClient, dispatcher: CollectingDispatcher, text: str, lang: str
) -> bool:
    """The lodging text when the message reports a fault in one's room; whether said."""
    return reports_a_room_fault(text) and await say_topic(client, dispatcher, "lodging", lang)
