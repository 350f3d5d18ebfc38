"""Issue 20, by kind: a dress question that names an event whole got a dress code whose
description merely mentions that kind of event ("date and dress for the closing ceremony" got
the ceremonial dress alone, no date). An event named whole is what is asked; a dress code asked
by its own name, no event named, stays the answer. Own wording, on the second test exercise
(flag raising, 2 June 07:00, dress 'Field boots')."""

from __future__ import annotations

import pytest

from actions.answer_search import ActionAnswerDress, said_whole
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack


def _answer(lang: str, text: str) -> list[dict]:
    fake = FakeLookup(other_pack())
    fake.search_hits = [("dress_code", "boots"), ("event", "raising")]
    dispatcher = run(ActionAnswerDress, fake.handle, language=lang, text=text, entities=[])
    return dispatcher.messages


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "which day is the flag raising and is it boots?"),
        ("fr", "le lever des couleurs, quelle date et quelle tenue"),
        ("ar", "متى رفع العلم وهل نلبس الحذاء"),
        ("ar", "برفع العلم امتى وشو اللبسة"),
    ],
)
def test_an_event_named_whole_gets_its_own_dress_and_date(lang: str, text: str) -> None:
    messages = _answer(lang, text)
    said = " ".join(str(m) for m in messages)
    assert "07:00" in said, messages
    assert any(m.get("response") == "utter_event_dress" for m in messages), messages


@pytest.mark.parametrize(
    ("lang", "text"), [("en", "what are field boots?"), ("fr", "c'est quoi la tenue rangers")]
)
def test_a_code_asked_by_name_stays_the_code(lang: str, text: str) -> None:
    messages = _answer(lang, text)
    assert not any(m.get("response") == "utter_event_dress" for m in messages), messages


def test_said_whole_needs_every_word_that_says_something() -> None:
    assert said_whole("Closing ceremony", "date and dress for the closing ceremony")
    assert not said_whole("Closing ceremony", "what is the ceremonial dress")
    assert said_whole("Cérémonie de clôture", "tenue à la cérémonie de clôture ?")
    assert said_whole("حفل الختام", "بحفل الختام وش نلبس")
