"""Who attends, takes part in or is invited to an event (issue 20, eighteenth reading, by kind):
"who is supposed to attend the flag raising" got the event's card (time, place, dress) and not
its description, which says who attends ("All contingents."). Asking who attends is asking what
the description tells: the attending words are DETAIL_WORDS (common/asking.py), so the event's
answer says its description after the card, whichever action found it."""

from __future__ import annotations

from typing import Any

import pytest

from actions.answer_found import asks_details
from actions.answer_search import ActionAnswerEvent
from actions.answer_topic import ActionAnswerTopic
from actions.handoff import ActionNotUnderstood
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

PACK = other_pack()
DESCRIPTION = PACK["events"][0]["description"]

# Questions of the kind, not the held-out sentence.
WHO = [
    ("en", "who takes part in the flag raising?"),
    ("en", "flag raising: who is invited, everyone?"),
    ("en", "which units are expected at the flag raising"),
    ("fr", "qui participe au lever des couleurs ?"),
    ("fr", "le lever des couleurs, qui doit y assister"),
    ("fr", "qui est convié au lever des couleurs"),
    ("ar", "مين يحضر رفع العلم؟"),
    ("ar", "رفع العلم لمين؟"),
    ("ar", "من المدعوون الى رفع العلم"),
]


def messages_of(action: Any, intent: str, lang: str, text: str) -> list[dict[str, Any]]:
    fake = FakeLookup(PACK)
    fake.search_hits = [("event", "raising")]
    fake.search_figures = {("event", "raising"): (2.0, 1.0)}
    dispatcher = run(action, fake.handle, intent=intent, language=lang, text=text, entities=[])
    return dispatcher.messages


@pytest.mark.parametrize(("lang", "text"), WHO)
@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (ActionAnswerEvent, "ask_event_info"),
        (ActionAnswerTopic, "ask_ceremonies"),
        (ActionNotUnderstood, "nlu_fallback"),
    ],
)
def test_who_attends_an_event_gets_its_description(
    lang: str, text: str, action: Any, intent: str
) -> None:
    messages = messages_of(action, intent, lang, text)
    assert DESCRIPTION[lang] in [m.get("text") for m in messages], messages


@pytest.mark.parametrize(
    "text",
    [
        "روزانہ کمانڈ بریفنگ میں کون شرکت کرتا ہے",
        "افتتاحی تقریب کی ریہرسل میں کون حصہ لیتا ہے",
        "الوداعی عشائیہ میں کون شامل ہوگا",
        "command briefing mein kaun kaun shirkat karta hai",
    ],
)
def test_urdu_asks_who_attends(text: str) -> None:
    assert asks_details(text)


@pytest.mark.parametrize(
    "text",
    ["when is the flag raising", "le lever des couleurs c'est où", "رفع العلم امتى"],
)
def test_an_event_asked_when_or_where_keeps_its_card_alone(text: str) -> None:
    lang = "ar" if text[0] > "z" else ("fr" if "où" in text else "en")
    messages = messages_of(ActionAnswerEvent, "ask_event_info", lang, text)
    assert DESCRIPTION[lang] not in [m.get("text") for m in messages], messages


# For whom an event is, or who may go, asked in whole phrases (common/asking.py ATTEND_PHRASES).
FOR_WHOM = [
    ("en", "who is the flag raising for?"),
    ("en", "who can go to the flag raising"),
    ("fr", "le lever des couleurs, c'est pour qui ?"),
    ("fr", "le lever des couleurs est ouvert à qui"),
    ("fr", "qui peut venir au lever des couleurs ?"),
    ("ar", "مين بيروح رفع العلم؟"),
]


@pytest.mark.parametrize(("lang", "text"), FOR_WHOM)
@pytest.mark.parametrize(
    ("action", "intent"),
    [(ActionAnswerEvent, "ask_event_info"), (ActionNotUnderstood, "nlu_fallback")],
)
def test_for_whom_an_event_is_gets_its_description(
    lang: str, text: str, action: Any, intent: str
) -> None:
    messages = messages_of(action, intent, lang, text)
    assert DESCRIPTION[lang] in [m.get("text") for m in messages], messages


@pytest.mark.parametrize(
    "text",
    ["استقبالیہ عشائیہ کس کے لیے ہے", "مجلس کی شام میں کون جا سکتا ہے", "yeh kis ke liye hai"],
)
def test_urdu_asks_for_whom(text: str) -> None:
    assert asks_details(text)


@pytest.mark.parametrize(
    "text", ["who do I call for help", "where do I go for lunch", "je dois appeler qui"]
)
def test_asking_who_or_for_is_not_asking_for_whom(text: str) -> None:
    assert not asks_details(text)
