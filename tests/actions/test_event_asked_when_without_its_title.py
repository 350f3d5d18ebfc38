"""Issue 20, by kind: "when does <event> end? I want breakfast after", taken for meals, on a
pack whose event has no title in the visitor's language (no Urdu), got the meals' notice; and
after the visitor pressed French, the meals' times, not the event's end: the event's title in
the answer's language could not be among the question's words. The event the search names by
its name, asked when, is the answer. Own wording; the second test exercise's flag raising
(2 June 07:00-07:30)."""

from __future__ import annotations

import pytest

from actions.answer_topic import ActionAnswerTopic
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack


def _answer(lang: str, text: str) -> list[dict]:
    fake = FakeLookup(other_pack())
    fake.search_hits = [("event", "raising")]
    # named by its name, not so plainly that any topic's answer would give way to it
    fake.search_figures = {("event", "raising"): (1.0, 0.6)}
    return run(
        ActionAnswerTopic, fake.handle, intent="ask_meal_times", language=lang, text=text
    ).messages


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ur", "پرچم کشائی کب تک چلے گی، پھر کھانا کھانا ہے"),
        ("fr", "پرچم کشائی کب تک چلے گی، پھر کھانا کھانا ہے"),  # pressed: answered in French
        ("en", "رفع العلم متى ينتهي؟ بعده الفطور"),
    ],
)
def test_an_event_named_and_asked_when_is_answered_in_any_language(lang: str, text: str) -> None:
    said = str(_answer(lang, text))
    assert "07:30" in said, said


def test_an_event_title_not_said_in_its_own_language_stays_the_topic() -> None:
    said = str(_answer("en", "when is breakfast, before the ceremony?"))
    assert "07:30" not in said, said


class _ReasonGiven(FakeLookup):
    """The whole message covers the event under half (its reason is words of no item); the
    sentence asking when covers it whole."""

    def handle(self, request):
        query = request.url.params.get("q", "")
        whole = len([p for p in query.replace("؟", "?").split("?") if p.strip()]) > 1
        self.search_figures = {("event", "raising"): (2.0, 0.4 if whole else 1.0)}
        return super().handle(request)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ur", "پرچم کشائی کب شروع ہو گی؟ مجھے اس سے پہلے ناشتہ کرنا ہے"),
        ("en", "what time does the flag raising end? I have a dentist appointment"),
    ],
)
def test_the_sentence_asking_when_names_the_event(lang: str, text: str) -> None:
    fake = _ReasonGiven(other_pack())
    fake.search_hits = [("event", "raising")]
    said = str(
        run(
            ActionAnswerTopic, fake.handle, intent="ask_meal_times", language=lang, text=text
        ).messages
    )
    assert "07:00" in said, said
