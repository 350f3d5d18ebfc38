"""Issue 20, by kind: a dress question that also asks the event's date, day or place ("date and
dress for the flag raising") got the dress alone, without the event's time and place; spoken
Arabic's 'when' and Roman Urdu's 'where' were not asking words for it. Questions of the kind,
written for this test, on the second test exercise (flag raising, 2 June 07:00, Well Square)."""

from __future__ import annotations

import pytest

from actions.answer_search import ActionAnswerDress
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

ASKED = [
    ("en", "the flag raising: which date, and in what dress?"),
    ("fr", "lever des couleurs : quel jour et quelle tenue ?"),
    ("ar", "رفع العلم امتى وشنو نلبسو؟"),
    ("ar", "رفع العلم وقتاش وشنو اللبسة؟"),
    ("ur", "flag raising kahan hai aur uniform kya pehnein"),
    ("ur", "پرچم کشائی کی تاریخ اور وردی کیا ہے؟"),
]


def _answer(lang: str, text: str) -> list[dict]:
    fake = FakeLookup(other_pack())
    fake.search_hits = [("event", "raising")]
    dispatcher = run(ActionAnswerDress, fake.handle, language=lang, text=text, entities=[])
    return dispatcher.messages


@pytest.mark.parametrize(("lang", "text"), ASKED)
def test_dress_asked_with_date_or_place_gets_the_event_too(lang: str, text: str) -> None:
    messages = _answer(lang, text)
    said = " ".join(str(m) for m in messages)
    assert "07:00" in said, messages
    assert any(m.get("response") == "utter_event_dress" or "text" in m for m in messages)


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "what do I wear for the flag raising"), ("fr", "quelle tenue au lever des couleurs")],
)
def test_dress_alone_stays_the_dress(lang: str, text: str) -> None:
    messages = _answer(lang, text)
    assert "07:00" not in " ".join(str(m) for m in messages), messages
    assert any(m.get("response") == "utter_event_dress" for m in messages), messages
