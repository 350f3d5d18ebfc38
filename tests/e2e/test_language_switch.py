"""Asking for another language switches the conversation, confirmed in the new language."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.helpers import QUESTIONS, enrolled_sender, response_text, say
from tests.packs import SAMPLE_PACK, read_pack, topic_text
from tools.stack import Stack

SAMPLE = read_pack(SAMPLE_PACK)

pytestmark = pytest.mark.e2e


def test_asking_for_english_in_french_switches_to_english(stack: Stack) -> None:
    switch = enrolled_sender(stack, "fr")  # meals are for participants (issue 19)
    assert say(stack, QUESTIONS[("meals", "fr")], sender=switch) == topic_text(
        SAMPLE, "meals", "fr"
    )
    replies = say(stack, "tu peux me répondre en anglais s'il te plaît ?", sender=switch)
    assert replies == [response_text("utter_language_switched", "en")]
    tracker = httpx.get(stack.rasa_api(f"/conversations/{switch}/tracker")).json()
    assert tracker["slots"]["language"] == "en"


def test_asking_for_arabic_in_english_switches_to_arabic(stack: Stack) -> None:
    replies = say(stack, "can you answer me in Arabic please", sender="to-arabic")
    assert replies == [response_text("utter_language_switched", "ar")]


def test_rasas_api_needs_this_runs_token(stack: Stack) -> None:
    without = httpx.get(f"{stack.url('rasa')}/conversations/switch/tracker", timeout=10)
    assert without.status_code == 401
    assert httpx.get(stack.rasa_api("/conversations/switch/tracker"), timeout=10).status_code == 200
