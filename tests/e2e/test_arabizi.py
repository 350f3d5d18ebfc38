"""Arabizi over REST (issue 21): a question typed in Latin letters and digits is answered in
Arabic script with the exercise's fact, and the conversation's language becomes Arabic."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.e2e.helpers import enrolled_sender, say
from tests.packs import SAMPLE_PACK, read_pack, topic_text
from tools.stack import Stack

SAMPLE = read_pack(SAMPLE_PACK)
ARABIC = re.compile(r"[\u0600-\u06FF]")

pytestmark = pytest.mark.e2e

# Phrasings that are not in the training data (data/nlu/ar/arabizi.yml), one per dialect.
QUESTIONS = {
    "emergency_contacts": "shu ra8am el tawari2 law sama7t?",  # Levantine
    "meals": "emta el ghada w el 3asha law sama7t?",  # Levantine
    "prayer_facilities": "wain agdar a9alli fel ma3askar?",  # Gulf
}


@pytest.mark.parametrize("topic", sorted(QUESTIONS))
def test_an_arabizi_question_is_answered_in_arabic_script_with_the_fact(
    stack: Stack, topic: str
) -> None:
    # Meals and prayer rooms are for participants (issue 19): the visitor enrols first, here in
    # English, so the conversation's language has to change for the answer to be Arabic.
    sender = enrolled_sender(stack, "en")
    replies = say(stack, QUESTIONS[topic], sender=sender)
    assert replies == topic_text(SAMPLE, topic, "ar")
    assert all(ARABIC.search(reply) for reply in replies)
    tracker = httpx.get(stack.rasa_api(f"/conversations/{sender}/tracker")).json()
    assert tracker["slots"]["language"] == "ar"
    # The tracker keeps what the visitor typed; the parse data has it beside the Arabic form.
    latest = tracker["latest_message"]
    assert latest["arabizi_text"] == QUESTIONS[topic]


def test_an_english_visitor_is_still_answered_in_english(stack: Stack) -> None:
    sender = enrolled_sender(stack, "en")
    replies = say(stack, "where can I pray on the camp?", sender=sender)
    assert replies == topic_text(SAMPLE, "prayer_facilities", "en")


def test_an_event_named_in_arabizi_is_found_and_answered_in_arabic(stack: Stack) -> None:
    # "marasem el eftita7" reaches the actions as "مراسم الافتتاح", which the lookup search finds.
    [event] = [e for e in SAMPLE["events"] if e["id"] == "opening-ceremony"]
    sender = enrolled_sender(stack, "en")
    replies = say(stack, "emta marasem el eftita7 bezabt?", sender=sender)
    joined = "\n".join(replies)
    assert event["title"]["ar"] in joined, joined
    assert event["start"].strftime("%H:%M") in joined, joined  # its local start time
    assert all(ARABIC.search(reply) for reply in replies)
