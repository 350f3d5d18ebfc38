"""The venue answer says the hours the service marks as in force (`current`): the camp store's
Ramadan hours during Ramadan, its weekly ones otherwise (issue 20), in every language."""

from __future__ import annotations

import pytest

from actions.answer_search import ActionAnswerVenue
from actions.answer_topic import ActionAnswerTopic
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import ramadan_pack, topic_text


@pytest.mark.parametrize(
    ("lang", "text", "days"),
    [
        ("en", "when does the camp store close?", "Mon–Sun"),
        ("fr", "à quelle heure ferme le magasin du camp ?", "lun.–dim."),
        ("ar", "متى يغلق متجر المعسكر؟", "الاثنين–الأحد"),
    ],
)
@pytest.mark.parametrize(
    ("in_force", "shown"), [("ramadan", "20:15–01:45+1"), ("weekly", "08:00–21:40")]
)
def test_the_camp_store_answers_with_the_hours_in_force(
    lang: str, text: str, days: str, in_force: str, shown: str
) -> None:
    pack = ramadan_pack()
    store = pack["venues"][1]
    # What the service adds on the day asked (tests/lookup/test_ramadan_hours.py checks that).
    store["hours"]["current"] = store["hours"][in_force]
    fake = FakeLookup(pack)
    fake.search_hits = [("venue", "camp-store")]
    dispatcher = run(ActionAnswerVenue, fake.handle, language=lang, text=text)
    [message] = dispatcher.messages
    assert message["response"] == "utter_venue_details"
    assert message["hours"] == f"{days} {shown}"


MEAL_NOTES = {
    "en": "During Ramadan, suhoor is served 03:00–04:15 and iftar 17:50–19:30.",
    "fr": "Pendant le ramadan : suhour 03:00–04:15, iftar 17:50–19:30.",
    "ar": "في شهر رمضان: السحور 03:00–04:15، والإفطار 17:50–19:30.",
}


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
@pytest.mark.parametrize("ramadan_today", [True, False])
def test_meal_answers_mention_suhoor_and_iftar_during_ramadan(
    lang: str, ramadan_today: bool
) -> None:
    pack = ramadan_pack()
    pack["exercise"]["ramadan_meals"] = {"suhoor": "03:00-04:15", "iftar": "17:50-19:30"}
    pack["exercise"]["ramadan_today"] = ramadan_today  # what the service says on the day asked
    dispatcher = run(
        ActionAnswerTopic, FakeLookup(pack).handle, intent="ask_meal_times", language=lang
    )
    texts = [m["text"] for m in dispatcher.messages]
    meals = topic_text(pack, "meals", lang)
    assert texts == ([*meals, MEAL_NOTES[lang]] if ramadan_today else meals)


def test_without_suhoor_and_iftar_in_the_pack_nothing_is_added() -> None:
    pack = ramadan_pack()
    pack["exercise"]["ramadan_today"] = True
    dispatcher = run(ActionAnswerTopic, FakeLookup(pack).handle, intent="ask_meal_times")
    assert [m["text"] for m in dispatcher.messages] == topic_text(pack, "meals", "fr")


def _in_urdu(pack: dict) -> dict:
    """The Ramadan exercise with Urdu texts for its camp store and meals."""
    pack["exercise"]["languages"].append("ur")
    store = pack["venues"][1]
    for field, text in {
        "name": "کیمپ اسٹور",
        "purpose": "دکان",
        "directions": "گیٹ کے پاس۔",
    }.items():
        store[field]["ur"] = text
    for topic in pack["topics"]:
        topic["text"]["ur"] = "کھانا: " + topic["text"]["en"]
        topic["title"]["ur"] = topic["title"]["en"]
    return pack


@pytest.mark.parametrize(
    ("in_force", "shown"), [("ramadan", "20:15–01:45+1"), ("weekly", "08:00–21:40")]
)
def test_in_urdu_too_the_camp_store_answers_with_the_hours_in_force(
    in_force: str, shown: str
) -> None:
    pack = _in_urdu(ramadan_pack())
    store = pack["venues"][1]
    store["hours"]["current"] = store["hours"][in_force]
    fake = FakeLookup(pack)
    fake.search_hits = [("venue", "camp-store")]
    dispatcher = run(
        ActionAnswerVenue, fake.handle, language="ur", text="کیمپ اسٹور کب بند ہوتا ہے"
    )
    [message] = dispatcher.messages
    assert message["response"] == "utter_venue_details"
    assert message["hours"].endswith(shown) and message["name"] == "کیمپ اسٹور"


@pytest.mark.parametrize("ramadan_today", [True, False])
def test_in_urdu_too_meal_answers_mention_suhoor_and_iftar_during_ramadan(
    ramadan_today: bool,
) -> None:
    pack = _in_urdu(ramadan_pack())
    pack["exercise"]["ramadan_meals"] = {"suhoor": "03:00-04:15", "iftar": "17:50-19:30"}
    pack["exercise"]["ramadan_today"] = ramadan_today
    dispatcher = run(
        ActionAnswerTopic, FakeLookup(pack).handle, intent="ask_meal_times", language="ur"
    )
    texts = [m["text"] for m in dispatcher.messages]
    meals = topic_text(pack, "meals", "ur")
    note = "رمضان میں سحری 03:00–04:15 اور افطار 17:50–19:30 پیش کی جاتی ہے۔"
    assert texts == ([*meals, note] if ramadan_today else meals)
