"""A place asked what goes on there or what it is for (issue 20, by kind): Levantine and
Egyptian say the present with a "b" before the verb ("ساحة البئر شو بيصير فيها", "شو بتعمل
المغسلة"), Levantine asks "what for" as "لشو" and "used" as "مستخدمة"; English "what is Well
Square for" ends on "for"; Urdu asks what happens there ("میں کیا ہوتا ہے") or for what work
("کس کام کے لیے"). The answer gave the place's directions and hours, not what it is for; its
purpose is said after its card, as for "ايش يصير فيها" (actions/answer_found.py asks_purpose)."""

from __future__ import annotations

import pytest

from actions.answer_found import asks_purpose
from actions.answer_search import ActionAnswerVenue
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

# Questions of the kind, not the held-out sentence; the purpose as the answer says it.
PURPOSE = {"ar": "ساحة البئر: الاستعراضات.", "en": "Well Square: Parades."}
ASKED = [
    ("ar", "شو بيصير عادة بساحة البئر"),
    ("ar", "ساحة البئر شو بتعملوا فيها"),
    ("ar", "ساحة البئر لشو"),
    ("ar", "ساحة البئر لأي شي مستخدمة"),
    ("ar", "شو الهدف من ساحة البئر"),
    ("en", "what's Well Square for?"),
    ("en", "and Well Square, what is it for"),
]


@pytest.mark.parametrize(("lang", "text"), ASKED)
def test_a_place_asked_what_for_says_its_purpose(lang: str, text: str) -> None:
    fake = FakeLookup(other_pack())
    fake.search_hits = [("venue", "well-square")]
    fake.search_figures = {("venue", "well-square"): (2.0, 1.0)}
    dispatcher = run(ActionAnswerVenue, fake.handle, language=lang, text=text, entities=[])
    said = [m.get("text") for m in dispatcher.messages]
    assert dispatcher.messages[0].get("response") == "utter_venue_details", dispatcher.messages
    assert PURPOSE[lang] in said, dispatcher.messages


@pytest.mark.parametrize(
    "text",
    ["یہاں کیا ہوتا ہے", "کیمپ شاپ میں کیا ملتا ہے", "یہ ہال کس کام کے لیے ہے", "kis kaam ka hai"],
)
def test_urdu_asks_what_a_place_is_for(text: str) -> None:
    assert asks_purpose(text)


@pytest.mark.parametrize(
    "text",
    [
        "ساحة البئر بتفتح امتى",
        "بيت الضيافة وين",
        "ساحة البئر بيكون فيها زحمة؟",
        "where do I go for lunch",
        "what is the number for the medic",
        "Well Square kab khulta hai",
    ],
)
def test_a_b_present_that_asks_no_purpose_is_no_purpose_question(text: str) -> None:
    assert not asks_purpose(text)
