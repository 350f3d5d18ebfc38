"""The venue answer says the hours the service marks as in force (`current`): the camp store's
Ramadan hours during Ramadan, its weekly ones otherwise (issue 20), in every language."""

from __future__ import annotations

import pytest

from actions.answer_search import ActionAnswerVenue
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import ramadan_pack


@pytest.mark.parametrize(
    ("lang", "text", "days"),
    [
        ("en", "when does the camp store close?", "Mon–Sun"),
        ("fr", "à quelle heure ferme le magasin du camp ?", "lun.–dim."),
        ("ar", "متى يغلق متجر المعسكر؟", "الاثنين–الأحد"),
    ],
)
@pytest.mark.parametrize(
    ("in_force", "shown"), [("ramadan", "20:15–01:45+1"), ("weekly", "08:00–21:40")]
)
def test_the_camp_store_answers_with_the_hours_in_force(
    lang: str, text: str, days: str, in_force: str, shown: str
) -> None:
    pack = ramadan_pack()
    store = pack["venues"][1]
    # What the service adds on the day asked (tests/lookup/test_ramadan_hours.py checks that).
    store["hours"]["current"] = store["hours"][in_force]
    fake = FakeLookup(pack)
    fake.search_hits = [("venue", "camp-store")]
    dispatcher = run(ActionAnswerVenue, fake.handle, language=lang, text=text)
    [message] = dispatcher.messages
    assert message["response"] == "utter_venue_details"
    assert message["hours"] == f"{days} {shown}"
