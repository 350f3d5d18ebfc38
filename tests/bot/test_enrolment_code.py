"""bot.nlu.enrolment_code: a code-shaped token makes the message `enrol`, in any language and
whatever the classifier said; ordinary words and numbers never do (issue 19)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.enrolment_code import detect


def parsed(text: str) -> Message:
    message = Message(data={"text": text, "intent": {"name": "greet", "confidence": 0.9}})
    detect(message)
    return message


@pytest.mark.parametrize(
    "text",
    [
        "ABCD-EFGH-J2",
        "my code is abcd-efgh-jk",
        "رمزي هو ABCD-EFGH-JK",
        "Mon code : abcd–efgh–jk, merci",
        "code abcdefghj2",
    ],
)
def test_a_code_alone_or_in_a_sentence_is_enrol(text: str) -> None:
    message = parsed(text)
    assert message.get("intent") == {"name": "enrol", "confidence": 1.0}
    [entity] = message.get("entities")
    assert entity["entity"] == "enrolment_code" and len(entity["value"]) == 10


@pytest.mark.parametrize(
    "text",
    [
        "what time is dinner",
        "everything is fine",
        "call 0555123456",
        "ما هو رقم الطوارئ 2222",
        "ABCD-EFGH-J1",  # 1 is never in a code
    ],
)
def test_other_messages_keep_their_intent(text: str) -> None:
    assert parsed(text).get("intent")["name"] == "greet"
