"""Issue 20 (answers by kind): the exercise's own first or last day, or when it starts or ends,
taken for the programme, got the main events, which begin after its first day and end before its
last and never say either; the exercise's dates are the answer, as the overview says them. A
final exercise (an event, a phase) and a day's programme are not that question. Own wording."""

from __future__ import annotations

from datetime import date

import pytest

from actions.answer_schedule import ActionAnswerSchedule, asks_exercise_span
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

PACK = other_pack()


def schedule(text: str, lang: str) -> list:
    fake = FakeLookup(PACK)
    return run(
        ActionAnswerSchedule,
        fake.handle,
        action_kwargs={"today": date(2027, 5, 30)},
        language=lang,
        intent="ask_schedule",
        text=text,
        entities=[],
    ).messages


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "which day does the exercise wrap up, the last day I mean"),
        ("en", "on what day does the exercise begin for us"),
        ("fr", "c'est quoi la première journée de l'exercice"),
        ("ar", "شنو اخر نهار فالتمرين"),
    ],
)
def test_the_exercise_span_is_its_dates(lang: str, text: str) -> None:
    messages = schedule(text, lang)
    [said] = [
        m for m in messages if str(m.get("response", "")).startswith("utter_exercise_overview")
    ]
    assert said["start"] and said["end"]
    assert not [m for m in messages if m.get("response") == "utter_schedule_highlights"]


@pytest.mark.parametrize(
    "text",
    [
        "exercise ka aakhri din kaun sa hoga",
        "مشقیں کب ختم ہوں گی",
        "l'exercice se termine quand",
    ],
)
def test_asked_in_other_words(text: str) -> None:
    assert asks_exercise_span(text)


@pytest.mark.parametrize(
    "text",
    [
        "what time does the final exercise begin",
        "آخری مشق کب شروع ہو گی",
        "متى يبدأ التمرين الختامي",
        "what's on the programme this week",
        "when is the last dinner of the exercise",
    ],
)
def test_not_the_exercise_span(text: str) -> None:
    assert not asks_exercise_span(text)
