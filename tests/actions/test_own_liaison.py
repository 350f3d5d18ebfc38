"""Issues 19/20, "who is my liaison officer": an enrolled visitor gets the liaison officer of their
own contingent (the lookup service knows their nation: GET /v1/enrolments/mine), not the duty
officer the search finds for "liaison officer" nor every contact; an unenrolled visitor, a
question naming a nation or one not asking for an officer or contact gets what it got before.
On the sample exercise, whose Valmère nation also has a medical officer (not its liaison)."""

from __future__ import annotations

import json

import pytest

from actions.answer_directory import ActionAnswerContacts
from tests.actions import contacts_asked
from tests.actions.answering import run
from tests.actions.contacts_asked import CONTACTS, SAMPLE, VISITOR, names
from tests.actions.fake_lookup import FakeLookup

MY_LIAISON_OFFICER = {
    "en": "who is my liaison officer",
    "fr": "c'est qui mon officier de liaison",
    "ar": "مين ضابط الارتباط تبعي",
    "ur": "میرا لائزن افسر کون ہے",
}


def fake_for(nation: str | None) -> FakeLookup:
    """The sample exercise, the visitor enrolled for `nation` (None: not enrolled), and the
    search finding the duty officer, as the real one does for "liaison officer"."""
    return contacts_asked.fake_for(nation, [("contact", "duty-liaison-officer")])


def name_of(contact_id: str, lang: str) -> str:
    return str(CONTACTS[contact_id]["name"][lang])


def asked_for_nation(fake: FakeLookup) -> bool:
    return any(r.url.path == "/v1/enrolments/mine" for r in fake.requests)


@pytest.mark.parametrize("lang", ["en", "fr", "ar", "ur"])
@pytest.mark.parametrize(
    "nation,officer", [("vlm", "valmere-liaison-girard"), ("nmk", "northmark-liaison-thornton")]
)
def test_an_enrolled_visitor_gets_their_own_contingents_liaison_officer(
    lang: str, nation: str, officer: str
) -> None:
    fake = fake_for(nation)
    text = MY_LIAISON_OFFICER[lang]
    dispatcher = run(ActionAnswerContacts, fake.handle, language=lang, text=text)
    assert names(dispatcher) == [name_of(officer, lang)]


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "what is our contact's phone number"),
        ("fr", "le numéro de notre officier de liaison"),
        ("ar", "ضابط الارتباط الخاص بي"),
        ("ar", "وين ضابط ارتباطنا"),
        ("ur", "ہمارا رابطہ افسر کون ہے"),
    ],
)
def test_other_ways_of_saying_my_officer_or_contact(lang: str, text: str) -> None:
    fake = fake_for("vlm")
    dispatcher = run(ActionAnswerContacts, fake.handle, language=lang, text=text)
    assert names(dispatcher) == [name_of("valmere-liaison-girard", lang)]


@pytest.mark.parametrize("lang", ["en", "fr", "ar", "ur"])
def test_an_unenrolled_visitor_gets_what_they_got_before(lang: str) -> None:
    fake = fake_for(None)
    text = MY_LIAISON_OFFICER[lang]
    dispatcher = run(ActionAnswerContacts, fake.handle, language=lang, text=text)
    assert names(dispatcher) == [name_of("duty-liaison-officer", lang)]


def test_a_question_naming_a_nation_is_answered_for_that_nation() -> None:
    fake = fake_for("vlm")
    fake.search_hits = [("contact", "northmark-liaison-thornton")]
    text = "who is our liaison officer with the Commonwealth of Northmark"
    dispatcher = run(ActionAnswerContacts, fake.handle, language="en", text=text)
    assert names(dispatcher) == ["Capt. E. Thornton"]
    assert not asked_for_nation(fake)


def test_my_without_an_officer_or_contact_asked_for_is_as_before() -> None:
    fake = fake_for("vlm")
    text = "I lost my phone, who do I call"
    dispatcher = run(ActionAnswerContacts, fake.handle, language="en", text=text)
    assert names(dispatcher) == ["Duty liaison officer"]
    assert not asked_for_nation(fake)


def test_a_nation_without_a_liaison_officer_in_the_pack_gets_the_answer_as_before() -> None:
    pack = json.loads(json.dumps(SAMPLE))
    pack["contacts"] = [c for c in pack["contacts"] if c["id"] != "valmere-liaison-girard"]
    fake = FakeLookup(pack)
    fake.enrolled[VISITOR] = "vlm"
    fake.search_hits = [("contact", "duty-liaison-officer")]
    dispatcher = run(ActionAnswerContacts, fake.handle, language="en", text="my liaison officer")
    # Not the Valmère medical officer, whose role names the nation but not liaison.
    assert names(dispatcher) == ["Duty liaison officer"]
