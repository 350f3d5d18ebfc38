"""The whole assistant over HTTP: Rasa → action server → lookup service → SQLite, and back."""

from __future__ import annotations

import re

import httpx
import pytest

from common.i18n import text_direction
from tests.e2e.helpers import QUESTIONS, enrolled_sender, response_text, say
from tests.packs import SAMPLE_PACK, read_pack, topic_text
from tools.stack import Stack

SAMPLE = read_pack(SAMPLE_PACK)
ARABIC = re.compile(r"[\u0600-\u06FF]")

pytestmark = pytest.mark.e2e


def assert_in_language(texts: list[str], lang: str) -> None:
    joined = " ".join(texts)
    # Arabic script for Arabic and Urdu (both read right to left), none for English and French.
    assert bool(ARABIC.search(joined)) == (text_direction(lang) == "rtl"), joined


def test_lookup_health_reports_database_up(stack: Stack) -> None:
    health = httpx.get(f"{stack.url('lookup')}/health").json()
    assert health == {"status": "ok", "database": "ok", "exercise": SAMPLE["exercise"]["id"]}


@pytest.mark.parametrize("topic,lang", sorted(QUESTIONS))
def test_question_is_answered_with_the_exercise_fact_in_the_askers_language(
    stack: Stack, topic: str, lang: str
) -> None:
    # Meals and prayer rooms are for participants (issue 19): the visitor enrols first.
    replies = say(stack, QUESTIONS[(topic, lang)], sender=enrolled_sender(stack, lang))
    assert replies == topic_text(SAMPLE, topic, lang)
    assert_in_language(replies, lang)


def test_language_slot_carries_a_message_too_short_to_tell(stack: Stack) -> None:
    short = enrolled_sender(stack, "fr")
    say(stack, "bonjour, je suis arrivé hier soir", sender=short)
    replies = say(stack, "halal ?", sender=short)
    assert replies == topic_text(SAMPLE, "meals", "fr")
    tracker = httpx.get(stack.rasa_api(f"/conversations/{short}/tracker")).json()
    assert tracker["slots"]["language"] == "fr"


@pytest.mark.parametrize(
    "lang,greeting",
    [
        ("ar", "السلام عليكم"),
        ("fr", "bonsoir"),
        ("en", "good evening"),
        ("ur", "السلام علیکم، کیا حال ہے؟"),
    ],
)
def test_greeting_is_answered_in_kind(stack: Stack, lang: str, greeting: str) -> None:
    assert say(stack, greeting) == [response_text("utter_greet", lang)]


# The stack is shared with other modules: the lookup service stopped here is started again.
def test_lookup_down_gives_an_apology_and_the_conversation_goes_on(stack: Stack) -> None:
    stack.stop("lookup")
    try:
        for (topic, lang), question in sorted(QUESTIONS.items()):
            if topic != "meals":
                continue
            sender = f"outage-{lang}"
            assert say(stack, question, sender=sender) == [
                response_text("utter_lookup_unavailable", lang)
            ]
            goodbye = {
                "ar": "مع السلامة",
                "en": "bye, thanks for the help",
                "fr": "au revoir et merci",
                "ur": "اچھا جی، اللہ حافظ",
            }[lang]
            assert say(stack, goodbye, sender=sender) == [response_text("utter_goodbye", lang)]
    finally:
        stack.restart("lookup")
    visitor = enrolled_sender(stack, "en")
    assert say(stack, QUESTIONS[("meals", "en")], sender=visitor) == topic_text(
        SAMPLE, "meals", "en"
    )
