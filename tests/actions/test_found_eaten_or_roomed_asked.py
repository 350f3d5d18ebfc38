"""Kinds of asking where that the where-words missed (issue 20, seventeenth round's probes):
how to find or get to someone asks their office as "where" does ("how do I find the protocol
officer", "كيف اوصل لمكتب", Darija "kifach nwsal", "کیسے ڈھونڈوں"); eating asked where or when
is a meal's question ("where can we eat tonight", "on mange où", "وين ناكل"); Roman Urdu's room
("kis kamre mein baithte hain") asks for an office like "کمرے"."""

from __future__ import annotations

import pytest

from actions.answer_directory import asks_for_office
from actions.answer_found import asks_where_or_when
from actions.stand_ins import asks_about_a_meal


@pytest.mark.parametrize(
    "text",
    [
        "how would I find the protocol officer",
        "كيف اوصل للنقيب حداد",
        "kifach nwsal l captain haddad",
        "پروٹوکول افسر کو کیسے ڈھونڈیں",
    ],
)
def test_how_to_find_someone_asks_where(text: str) -> None:
    assert asks_where_or_when(text)


@pytest.mark.parametrize(
    "text",
    [
        "where can we eat tonight",
        "ce soir on peut manger où",
        "وين ناكل اليوم",
        "آج کہاں کھائیں",
    ],
)
def test_eating_asked_where_is_a_meal(text: str) -> None:
    assert asks_about_a_meal(text, when_or_where=True)


def test_eating_alone_is_no_meal_asked_where() -> None:
    assert not asks_about_a_meal("is it rude to eat with the left hand", when_or_where=True)


def test_roman_urdu_room_asks_for_an_office() -> None:
    assert asks_for_office("protocol officer kis kamre mein baithte hain")
