"""A place asked what goes on there (issue 20, by kind): "what happens at Well Square", "il se
passe quoi à la place du puits", "ايش يسوون في ساحة البئر" ask what the place is for as "what
is it used for" does, and got only its directions and hours; its purpose is said after its card
(common/asking.py PURPOSE_WORDS)."""

from __future__ import annotations

import pytest

from actions.answer_search import ActionAnswerVenue
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

# Questions of the kind, not the held-out sentences; the purpose as the answer says it.
ACTIVITY_ASKED = {
    "en": ("what happens at Well Square usually", "Well Square: Parades."),
    "fr": ("il se passe quoi d'habitude à la place du puits", "Place du Puits : Défilés."),
    "ar": ("ساحة البئر ايش يسوون فيها عادة", "ساحة البئر: الاستعراضات."),
}


@pytest.mark.parametrize("lang", sorted(ACTIVITY_ASKED))
def test_a_venue_asked_what_goes_on_there_says_its_purpose(lang: str) -> None:
    question, purpose = ACTIVITY_ASKED[lang]
    fake = FakeLookup(other_pack())
    fake.search_hits = [("venue", "well-square")]
    fake.search_figures = {("venue", "well-square"): (2.0, 1.0)}
    dispatcher = run(ActionAnswerVenue, fake.handle, language=lang, text=question, entities=[])
    said = [m.get("text") for m in dispatcher.messages]
    assert dispatcher.messages[0].get("response") == "utter_venue_details", dispatcher.messages
    assert purpose in said, dispatcher.messages
