"""Issue 20, by kind: a question about the exercise's dress taken for the overview ("quels codes
vestimentaires sont prévus sur cet exercice") got the exercise's name, dates and nations; the
message asks what to wear, and the dress answer is given (on a pack without dress guidance,
every dress code with its description). An overview question without such a word gets the
overview as before. On the second test exercise."""

from __future__ import annotations

from typing import Any

import pytest

from actions.answer_directory import ActionAnswerExercise
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

PACK = other_pack()
CODE = PACK["dress_codes"][0]


def answer(text: str, lang: str) -> Any:
    fake = FakeLookup(PACK)
    fake.search_hits = []
    return run(ActionAnswerExercise, fake.handle, language=lang, text=text, entities=[])


def said(dispatcher: Any) -> str:
    return " ".join(str(m) for m in dispatcher.messages)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "pendant l'exercice, il y a quelles tenues à prévoir"),
        ("en", "what uniform do we need for this exercise overall"),
        ("ar", "شو الزي المطلوب خلال التمرين"),
    ],
)
def test_dress_asked_about_the_exercise_gets_the_dress(lang: str, text: str) -> None:
    dispatcher = answer(text, lang)
    assert CODE["name"][lang] in said(dispatcher), dispatcher.messages
    assert not any(m.get("response") == "utter_exercise_overview" for m in dispatcher.messages)


def test_an_overview_question_gets_the_overview() -> None:
    dispatcher = answer("tell me about this exercise", "en")
    assert CODE["name"]["en"] not in said(dispatcher)
