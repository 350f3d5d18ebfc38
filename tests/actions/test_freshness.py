"""An answer whose facts were last updated more than LIAISON_STALE_AFTER_DAYS ago says when, in
the visitor's language (issue 20)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from actions import notes
from actions.answer_search import ActionAnswerVenue
from actions.answer_topic import ActionAnswerTopic
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack, topic_text

PACK = other_pack()  # every fact last updated 2026-05-02T08:15:00+02:00
NOTES = {
    "en": "This information was last updated on 2 May 2026; it may have changed since: the "
    "liaison team can confirm it.",
    "fr": "Ces informations ont été mises à jour pour la dernière fois le 2 mai 2026 ; elles ont "
    "pu changer depuis : l'équipe de liaison peut vous les confirmer.",
    "ar": "آخر تحديث لهذه المعلومات كان في 2 مايو 2026، وربما تغيّرت منذ ذلك الحين: يمكن لفريق "
    "الارتباط تأكيدها.",
}


def at(monkeypatch: pytest.MonkeyPatch, moment: datetime, days: str | None) -> None:
    monkeypatch.setattr(notes, "now", lambda: moment)
    if days is None:
        monkeypatch.delenv("LIAISON_STALE_AFTER_DAYS")  # the documented default, 14
    else:
        monkeypatch.setenv("LIAISON_STALE_AFTER_DAYS", days)


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_stale_facts_say_when_they_were_updated(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    at(monkeypatch, datetime(2026, 5, 17, 12, 0, tzinfo=timezone.utc), None)  # 15 days later
    dispatcher = run(
        ActionAnswerTopic, FakeLookup(PACK).handle, intent="ask_meal_times", language=lang
    )
    texts = [m["text"] for m in dispatcher.messages]
    assert texts == [*topic_text(PACK, "meals", lang), NOTES[lang]]


@pytest.mark.parametrize(
    ("moment", "days"),
    [
        (datetime(2026, 5, 15, 12, 0, tzinfo=timezone.utc), None),  # 13 days: within 14
        (datetime(2026, 5, 17, 12, 0, tzinfo=timezone.utc), "30"),
        (datetime(2027, 5, 17, 12, 0, tzinfo=timezone.utc), "0"),  # 0 turns it off
    ],
)
def test_fresh_facts_or_the_note_turned_off_add_nothing(
    monkeypatch: pytest.MonkeyPatch, moment: datetime, days: str | None
) -> None:
    at(monkeypatch, moment, days)
    dispatcher = run(
        ActionAnswerTopic, FakeLookup(PACK).handle, intent="ask_meal_times", language="en"
    )
    assert [m["text"] for m in dispatcher.messages] == topic_text(PACK, "meals", "en")


def test_a_venue_answer_gets_the_note_after_it(monkeypatch: pytest.MonkeyPatch) -> None:
    at(monkeypatch, datetime(2026, 6, 1, tzinfo=timezone.utc), "14")
    fake = FakeLookup(PACK)
    fake.search_hits = [("venue", "well-square")]
    dispatcher = run(ActionAnswerVenue, fake.handle, language="fr")
    assert [m.get("response") for m in dispatcher.messages] == ["utter_venue_details", None]
    assert dispatcher.messages[1]["text"] == NOTES["fr"]
