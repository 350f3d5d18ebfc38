"""Issue 20: a question naming a person by name gets that person. "I'm with the Valmère
contingent, what is Captain Girard's number, our liaison officer" from a visitor enrolled with
Northmark got Captain Thornton (the visitor's own contingent's officer, because of "our"): the
person named is the one asked for. A person the search is unsure of, named by a word of their
name no other contact's name or any role has, is the answer rather than every contact. And a
desk, a bureau asked for ("the liaison cell, which office is it") gets the contacts' offices.
On the sample exercise; the search is scripted to find no one."""

from __future__ import annotations

from typing import Any

import pytest

from actions.answer_directory import named_by_name
from tests.actions import contacts_asked
from tests.actions.contacts_asked import CONTACTS, SAMPLE, names, texts


def answer(text: str, lang: str, nation: str | None = "nmk") -> Any:
    """The question from a visitor enrolled with Northmark unless `nation` says otherwise."""
    return contacts_asked.answer(text, lang, nation)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "we're the Valmère lot, how do I get hold of our liaison officer Girard"),
        ("fr", "nous les Valmériens, notre officier de liaison c'est Girard, son téléphone ?"),
        ("ar", "احنا من الوفد الفالميري، رقم ضابط الارتباط تبعنا جيرار"),
        ("ur", "ہمارے لیزون افسر ژیرار کا نمبر کیا ہے"),
    ],
)
def test_a_person_named_wins_over_the_visitors_own_officer(lang: str, text: str) -> None:
    dispatcher = answer(text, lang)
    assert names(dispatcher) == [CONTACTS["valmere-liaison-girard"]["name"][lang]]


@pytest.mark.parametrize("lang", ["en", "fr", "ar", "ur"])
def test_words_of_a_role_or_a_grade_name_no_one(lang: str) -> None:
    contacts = [
        {"fields": {k: v.get(lang) if isinstance(v, dict) else v for k, v in c.items()}}
        for c in SAMPLE["contacts"]
    ]
    for text in ("liaison officer", "officier de liaison", "ضابط الارتباط", "لیزون افسر"):
        assert named_by_name(contacts, text) == []
    captain = CONTACTS["valmere-liaison-girard"]["name"][lang].split()[0]
    assert named_by_name(contacts, captain) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "l'équipe de liaison, elle est dans quel bureau ?"),
        ("en", "which desk does the liaison team sit at"),
        ("ar", "وين مكتب فريق الارتباط"),
    ],
)
def test_a_bureau_or_desk_asked_gets_the_offices(lang: str, text: str) -> None:
    dispatcher = answer(text, lang, nation=None)
    hours = CONTACTS["liaison-cell-haddad"]["hours"][lang]
    assert any(hours in line for line in texts(dispatcher)), dispatcher.messages
