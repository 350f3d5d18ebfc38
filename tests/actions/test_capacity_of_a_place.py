"""A place asked how many it holds (issue 20, by kind): "how many seats", "combien de places",
"كم مقعد", "کتنی نشستیں" got the place's directions and hours, not the capacity its purpose
gives ("250 seats with simultaneous interpretation"); the purpose is said after the card, as
it is when the message asks what the place is for, and when the message asks a longer word
only the purpose has. A question about the place's way or hours alone gets the card alone."""

from __future__ import annotations

import json

import pytest

from actions.answer_search import ActionAnswerVenue
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import SAMPLE_PACK, read_pack

SAMPLE = json.loads(json.dumps(read_pack(SAMPLE_PACK), default=lambda value: value.isoformat()))
HALL = next(v for v in SAMPLE["venues"] if v["id"] == "conference-hall")


def said(text: str, lang: str) -> list[str]:
    fake = FakeLookup(SAMPLE)
    fake.search_hits = [("venue", "conference-hall")]
    fake.search_figures = {("venue", "conference-hall"): (2.0, 1.0)}
    dispatcher = run(ActionAnswerVenue, fake.handle, language=lang, text=text, entities=[])
    return [str(m.get("text")) for m in dispatcher.messages if m.get("text")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "the conference hall, how many seats has it got"),
        ("en", "what's the capacity of the conference hall"),
        ("fr", "on sera une centaine, la salle de conférence a combien de places assises"),
        ("ar", "قاعة المؤتمرات كم مقعد فيها"),
        ("ur", "کانفرنس ہال میں کتنی نشستیں ہیں"),
        ("en", "does the conference hall have simultaneous interpretation"),
    ],
)
def test_a_place_asked_its_capacity_says_its_purpose(lang: str, text: str) -> None:
    purpose = HALL["purpose"][lang].rstrip(". ")
    assert any(purpose in line for line in said(text, lang))


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "how do I get to the conference hall"), ("fr", "la salle de conférence ouvre quand")],
)
def test_a_place_asked_its_way_or_hours_gets_its_card_alone(lang: str, text: str) -> None:
    purpose = HALL["purpose"][lang].rstrip(". ")
    assert not any(purpose in line for line in said(text, lang))
