"""Topics a message asks by its kind of words when the intent chose another answer or none
(issue 20, by kind; actions/stand_ins.py): a fault in one's room gets the lodging text (where
faults are reported), not the emergency numbers; a meal asked when or where, in a message the
model did not place, gets the meals' texts; a contact the search finds, asked where or when,
gets their office and hours, not the phone alone."""

from __future__ import annotations

import json

import pytest

from actions.answer_topic import ActionAnswerTopic
from actions.handoff import ActionNotUnderstood
from actions.stand_ins import reports_a_room_fault
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import SAMPLE_PACK, other_pack, read_pack

SAMPLE = json.loads(json.dumps(read_pack(SAMPLE_PACK), default=lambda value: value.isoformat()))
LODGING = next(t for t in SAMPLE["topics"] if t["topic"] == "lodging")
EMERGENCY = [t for t in SAMPLE["topics"] if t["topic"] == "emergency_contacts"]
OTHER = other_pack()


def said(dispatcher: object) -> list[str]:
    return [m.get("text") or "" for m in dispatcher.messages]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "the shower in my room is leaking, what number do I call"),
        ("fr", "la serrure de ma chambre est cassée, j'appelle quel numéro"),
        ("ar", "التدفئة في غرفتي عطلانة، على أي رقم أتصل"),
        ("ur", "میرے کمرے کی لائٹ خراب ہے، کس نمبر پر کال کروں"),
    ],
)
def test_a_fault_in_ones_room_gets_where_faults_are_reported(lang: str, text: str) -> None:
    fake = FakeLookup(SAMPLE)
    dispatcher = run(
        ActionAnswerTopic, fake.handle, intent="ask_emergency_contact", language=lang, text=text
    )
    assert LODGING["text"][lang].strip() in said(dispatcher), dispatcher.messages


def test_an_emergency_in_ones_room_keeps_the_emergency_numbers() -> None:
    fake = FakeLookup(SAMPLE)
    text = "there is smoke in my room and the heater is broken, what number do I call"
    assert not reports_a_room_fault(text)
    dispatcher = run(
        ActionAnswerTopic, fake.handle, intent="ask_emergency_contact", language="en", text=text
    )
    assert LODGING["text"]["en"].strip() not in said(dispatcher)


def test_a_room_fault_the_model_did_not_place_gets_the_lodging_text() -> None:
    fake = FakeLookup(SAMPLE)  # the search finds nothing
    dispatcher = run(
        ActionNotUnderstood,
        fake.handle,
        intent="nlu_fallback",
        language="en",
        text="Air con in my room is broken since last night. Who should I tell?",
    )
    assert LODGING["text"]["en"].strip() in said(dispatcher), dispatcher.messages


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "supper - until what time?"),
        ("fr", "le petit déjeuner, dernier service à quelle heure"),
        ("ar", "الغداء وين ينقدم"),
    ],
)
def test_a_meal_asked_when_or_where_the_model_did_not_place_gets_the_meals(
    lang: str, text: str
) -> None:
    fake = FakeLookup(OTHER)
    dispatcher = run(
        ActionNotUnderstood, fake.handle, intent="nlu_fallback", language=lang, text=text
    )
    meals = [t["text"][lang] for t in OTHER["topics"] if t["topic"] == "meals"]
    assert all(m in said(dispatcher) for m in meals), dispatcher.messages


def test_a_meal_named_without_asking_when_or_where_stays_the_fallback() -> None:
    fake = FakeLookup(OTHER)
    dispatcher = run(
        ActionNotUnderstood, fake.handle, intent="nlu_fallback", language="en", text="dinner blorp"
    )
    assert [m.get("response") for m in dispatcher.messages] == ["utter_default"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "Major Lefevre hours?"), ("ur", "میجر لوفیور کب ملتے ہیں")],
)
def test_a_contact_found_by_search_asked_when_gets_their_hours(lang: str, text: str) -> None:
    fake = FakeLookup(SAMPLE)
    fake.search_hits = [("contact", "medical-cell-lefevre")]
    fake.search_figures = {("contact", "medical-cell-lefevre"): (2.0, 1.0)}
    dispatcher = run(
        ActionNotUnderstood, fake.handle, intent="nlu_fallback", language=lang, text=text
    )
    contact = next(c for c in SAMPLE["contacts"] if c["id"] == "medical-cell-lefevre")
    assert any(contact["hours"][lang] in line for line in said(dispatcher)), dispatcher.messages
