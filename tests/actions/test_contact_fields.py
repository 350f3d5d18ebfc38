"""Issue 20, a contacts question naming a nation or asking for a person's own field: the
liaison officer "for the Guestland contingent" is that nation's contact, not the duty officer
whose name says "liaison officer"; a person asked for by name gets their card with the hours and
office the pack keeps for them; the words asking when or where ("heures", "hours") are not
searched for, and a question about someone's room taken for lodging gets that person.
Scores and coverage are scripted as the service gave them on the sample exercise."""

from __future__ import annotations

from typing import Any

import pytest

from actions.answer_directory import ActionAnswerContacts
from actions.answer_topic import ActionAnswerTopic
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

STAMP = {"last_updated": "2026-05-02T08:15:00+02:00", "updated_by": "Lt. A. Test"}
DUTY: dict[str, Any] = {
    "id": "duty",
    **STAMP,
    "name": {
        "en": "Duty liaison officer",
        "fr": "Officier de liaison de permanence",
        "ar": "ضابط الارتباط المناوب",
    },
    "role": {
        "en": "Can reach every contingent's liaison officer",
        "fr": "Peut joindre l'officier de liaison de chaque contingent",
        "ar": "يصل إلى ضباط الارتباط في كل الوحدات",
    },
    "languages": ["en"],
    "phone": "+000 555 7099",
}
GUEST_OFFICER: dict[str, Any] = {
    "id": "guest-liaison",
    **STAMP,
    "name": {"en": "Capt. B. Nadir", "fr": "Capitaine B. Nadir", "ar": "النقيب ب. نادر"},
    "role": {
        "en": "Liaison officer, Guestland contingent",
        "fr": "Officier de liaison du contingent d'Invitie",
        "ar": "ضابط ارتباط قوات غستلاند",
    },
    "languages": ["en", "fr", "ar"],
    "phone": "+000 555 7031",
    "hours": {
        "en": "Daily 07:00-19:00, tent 4, room 2.01",
        "fr": "Tous les jours de 07h00 à 19h00, tente 4, bureau 2.01",
        "ar": "يوميا من 07:00 إلى 19:00، الخيمة 4، الغرفة 2.01",
    },
}
LODGING: dict[str, Any] = {
    "id": "lodging",
    "topic": "lodging",
    **STAMP,
    "title": {"en": "lodging", "fr": "lodging", "ar": "lodging"},
    "text": {"en": "Tents 1 to 3.", "fr": "Tentes 1 à 3.", "ar": "الخيام 1 إلى 3."},
}


def fake_with(*hits: tuple[str, float, float]) -> FakeLookup:
    """The pack with the two contacts added; the search answers these (id, score, coverage)."""
    pack: dict[str, Any] = other_pack()
    pack["contacts"] += [DUTY, GUEST_OFFICER]
    pack["topics"].append(LODGING)
    fake = FakeLookup(pack)
    fake.search_hits = [("contact", item_id) for item_id, _, _ in hits]
    fake.search_figures = {("contact", i): (score, cov) for i, score, cov in hits}
    return fake


def names(dispatcher: Any) -> list[str]:
    return [m["name"] for m in dispatcher.messages if m.get("response") == "utter_contact"]


def texts(dispatcher: Any) -> str:
    return " ".join(m.get("text") or "" for m in dispatcher.messages)


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "who is the liaison officer for the Guestland contingent?"),
        ("fr", "qui est l'officier de liaison du contingent d'Invitie"),
        ("ar", "مين ضابط الارتباط حق غستلاند"),
    ],
)
def test_a_contacts_question_naming_a_nation_gets_that_nations_contact(
    lang: str, text: str
) -> None:
    # As the sample exercise's search ranked them: the duty officer's name matches "liaison
    # officer" (names count double), the nation's officer only by his role's words.
    fake = fake_with(("duty", 1.19, 0.88), ("guest-liaison", 0.5, 1.0))
    dispatcher = run(ActionAnswerContacts, fake.handle, language=lang, text=text)
    assert names(dispatcher) == [GUEST_OFFICER["name"][lang]]


def test_a_contacts_question_naming_no_nation_keeps_the_best_match() -> None:
    fake = fake_with(("duty", 1.19, 0.88), ("guest-liaison", 0.5, 1.0))
    text = "who is the duty liaison officer?"
    dispatcher = run(ActionAnswerContacts, fake.handle, language="en", text=text)
    assert names(dispatcher) == ["Duty liaison officer"]


@pytest.mark.parametrize(
    "lang,text,fact",
    [
        ("fr", "c'est quel bureau le capitaine Nadir", "2.01"),
        ("en", "when is Captain Nadir available", "07:00-19:00"),
        ("ar", "النقيب نادر في أي غرفة", "2.01"),
    ],
)
def test_a_person_asked_for_by_name_gets_their_hours_and_office(
    lang: str, text: str, fact: str
) -> None:
    fake = fake_with(("guest-liaison", 2.0, 1.0))
    dispatcher = run(ActionAnswerContacts, fake.handle, language=lang, text=text)
    assert names(dispatcher) == [GUEST_OFFICER["name"][lang]]
    assert fact in texts(dispatcher)


def test_words_asking_when_someone_is_reachable_are_not_searched() -> None:
    fake = fake_with(("guest-liaison", 2.0, 1.0))
    text = "le capitaine Nadir est joignable à quelles heures ?"
    run(ActionAnswerContacts, fake.handle, language="fr", text=text)
    [query] = [r.url.params["q"] for r in fake.requests if r.url.path == "/v1/search"]
    assert query == "le capitaine Nadir est à quelles ?"


def test_a_persons_room_taken_for_lodging_gets_that_person() -> None:
    fake = fake_with(("guest-liaison", 1.2, 0.63))
    text = "which room is Captain Nadir in?"
    dispatcher = run(ActionAnswerTopic, fake.handle, intent="ask_lodging", language="en", text=text)
    assert names(dispatcher) == ["Capt. B. Nadir"]
    assert "room 2.01" in texts(dispatcher)


def test_a_lodging_question_whose_words_only_match_a_role_keeps_its_topic() -> None:
    # "the Guestland contingent's rooms" matches the officer's role, not his name.
    fake = fake_with(("guest-liaison", 0.5, 1.0))
    text = "where are the Guestland contingent's rooms?"
    dispatcher = run(ActionAnswerTopic, fake.handle, intent="ask_lodging", language="en", text=text)
    assert names(dispatcher) == []
    assert texts(dispatcher) == "Tents 1 to 3."
