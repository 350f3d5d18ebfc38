"""bot.nlu.enrolment_code: a code-shaped token makes the message `enrol`, in any language and
whatever the classifier said; ordinary words and numbers never do (issue 19)."""

from __future__ import annotations

import random

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.arabizi import ARABIZI_TEXT
from bot.nlu.enrolment_code import code_in_message, detect
from common.enrolment import ALPHABET, LENGTH, written


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


# Ten-character Arabizi words made of the code alphabet ("it does not work", "you do not have",
# "I could not", "she helps me"): they have a code's shape, and were taken for codes.
ARABIZI_WORDS = ["mayenfa3sh", "ma3andaksh", "ma2dartesh", "tesa3edney", "yet3ammemu"]


@pytest.mark.parametrize("word", ARABIZI_WORDS)
def test_an_arabizi_word_with_a_codes_shape_in_a_sentence_is_not_a_code(word: str) -> None:
    for text in [f"el wifi {word} ya3ni", f"eh elli {word} hon", f"why {word}?"]:
        assert parsed(text).get("intent")["name"] == "greet", text


def test_the_typed_arabizi_text_is_what_is_read() -> None:
    message = Message(
        data={
            "text": "الواي فاي mayenfa3sh",
            ARABIZI_TEXT: "el wifi mayenfa3sh",
            "intent": {"name": "greet", "confidence": 0.9},
        }
    )
    detect(message)
    assert message.get("intent")["name"] == "greet"
    coded = Message(data={"text": "ana 3andi code", ARABIZI_TEXT: "ana 3andi code ABCD3FGH2K"})
    detect(coded)
    assert coded.get("intent")["name"] == "enrol"


def _codes(count: int, seed: int) -> list[str]:
    chance = random.Random(seed)
    return ["".join(chance.choice(ALPHABET) for _ in range(LENGTH)) for _ in range(count)]


SENTENCES = [
    "{}",
    "my code is {}",
    "voici mon code : {}, merci",
    "رمزي هو {}",
    "میرا کوڈ {} ہے",
    "ana 3andi el code {} ya3ni",
]


def test_a_real_code_is_always_found_hyphenated_in_capitals_or_alone() -> None:
    for code in _codes(3000, seed=21):
        grouped = written(code)
        forms = [grouped, grouped.lower()]
        if any(c.isdigit() for c in code):  # run together, a code needs a digit (common)
            forms += [code, code.capitalize(), code.lower()]
        for form in forms:
            for sentence in SENTENCES:
                text = sentence.format(form)
                if form == code.lower() and sentence != "{}":
                    continue  # measured below
                message = parsed(text)
                assert message.get("intent")["name"] == "enrol", text
                assert message.get("entities")[0]["value"] == code, text


def test_a_code_typed_in_lower_case_in_a_sentence_is_almost_always_found() -> None:
    codes = [code for code in _codes(20000, seed=2027) if any(c.isdigit() for c in code)]
    missed = [code for code in codes if code_in_message(f"code {code.lower()} please") is None]
    assert len(missed) <= len(codes) // 1000, missed
