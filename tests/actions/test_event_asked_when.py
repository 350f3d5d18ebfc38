"""An event asked when, named by its title among words about a topic (issue 20, by kind): "a
friend mentioned a lantern supper with grilled lamb, what time does it start", taken for the
meals (or hospitality) topic, got the topic's text, which does not say when the event is; the
event's day, time and place answer. A word the title merely shares ("when is supper") leaves
the topic's answer."""

from __future__ import annotations

import pytest

from actions.answer_topic import ActionAnswerTopic
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

TITLE = {"en": "Lantern supper", "fr": "Souper des lanternes", "ar": "عشاء الفوانيس"}
# Questions of the kind, each naming the event whole beside what is served there.
ASKED = {
    "en": "a friend mentioned a lantern supper with grilled lamb, what time does it start",
    "fr": "il paraît qu'il y a un souper des lanternes avec de l'agneau grillé, ça commence quand",
    "ar": "سمعت عن عشاء الفوانيس مع لحم مشوي، متى موعده",
}
SHARED_WORD = {
    "en": "when is supper",
    "fr": "le souper c'est quand",
    "ar": "متى العشاء",
}
TOPIC_TEXT = {
    "en": "Mess tent B serves food 06:10-06:50.",
    "fr": "La tente B sert les repas de 06h10 à 06h50.",
    "ar": "الخيمة ب تقدم الطعام من 06:10 إلى 06:50.",
}


def _finding(figures: tuple[float, float]) -> FakeLookup:
    pack = other_pack()
    supper = {
        **pack["events"][0],
        "id": "supper",
        "kind": "social",
        "title": TITLE,
        "description": {"en": "Grilled lamb.", "fr": "Agneau grillé.", "ar": "لحم مشوي."},
        "start": "2027-06-02T19:00:00+01:00",
        "end": "2027-06-02T21:00:00+01:00",
    }
    pack["events"].append(supper)
    fake = FakeLookup(pack)
    fake.search_hits = [("event", "supper")]
    fake.search_figures = {("event", "supper"): figures}
    return fake


@pytest.mark.parametrize("lang", sorted(ASKED))
def test_an_event_named_by_its_title_and_asked_when_answers_its_time(lang: str) -> None:
    dispatcher = run(
        ActionAnswerTopic,
        _finding((1.5, 0.65)).handle,
        intent="ask_meal_times",
        language=lang,
        text=ASKED[lang],
        entities=[],
    )
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert dispatcher.messages[0].get("response") in (
        "utter_event_details",
        "utter_event_details_no_dress",
    ), dispatcher.messages
    assert dispatcher.messages[0].get("title") == TITLE[lang], dispatcher.messages
    assert TOPIC_TEXT[lang] not in said, dispatcher.messages


@pytest.mark.parametrize("lang", sorted(SHARED_WORD))
def test_a_word_an_events_title_shares_leaves_the_topic(lang: str) -> None:
    dispatcher = run(
        ActionAnswerTopic,
        _finding((1.2, 1.0)).handle,
        intent="ask_meal_times",
        language=lang,
        text=SHARED_WORD[lang],
        entities=[],
    )
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert TOPIC_TEXT[lang] in said, dispatcher.messages
