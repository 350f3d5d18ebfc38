"""Issue 20, by kind: a question naming an event whole ("the opening ceremony") got the longer
event containing that name (its rehearsal) when other words of the question (kit, plan,
positions) happened to be in the rehearsal's description. The item whose whole name is said
ranks first unless the longer name's own words are asked. Own wording and pack (the ranking
exercise with a wordier rehearsal), Arabic, English and French."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lookup.search import Hit, search
from tests.lookup.ranking_pack import ranking_pack, tr
from tests.packs import write_pack

READ_ONLY = True


def _pack() -> dict:
    pack = ranking_pack()
    for event in pack["events"]:
        if event["id"] == "ceremony-rehearsal":
            event["description"] = tr(
                "Bring your kit: the seating plan and the positions are handed out.",
                "Apportez votre paquetage : le plan des places et les positions sont distribués.",
                "أحضر عتادك: توزع خطة الجلوس والمواقع.",
            )
    return pack


@pytest.fixture
def find(client_for: Callable, tmp_path: Path) -> Callable[[str], list[Hit]]:
    client = client_for(write_pack(tmp_path / "wordy.yml", _pack()))

    def run(query: str) -> list[Hit]:
        with client.app.state.session_factory() as session:
            return search(session, "test-oasis-99", query, kinds=["event"])

    return run


@pytest.mark.parametrize(
    "query",
    [
        "my kit is handed out and laid on the bed: boots or shoes for the opening ceremony?",
        "the seating plan for the opening ceremony, is it out?",
        "paquetage prêt pour la cérémonie d'ouverture, quelles positions ?",
        "خطة الجلوس في مراسم الافتتاح",
    ],
)
def test_the_event_named_whole_beats_a_longer_name_with_matching_description(
    find: Callable, query: str
) -> None:
    hits = find(query)
    assert hits and hits[0].item_id == "opening-ceremony", hits


@pytest.mark.parametrize(
    "query",
    [
        "the seating plan for the opening ceremony rehearsal, is it out?",
        "خطة الجلوس في التدريب على مراسم الافتتاح",
    ],
)
def test_the_longer_name_asked_for_still_wins(find: Callable, query: str) -> None:
    hits = find(query)
    assert hits and hits[0].item_id == "ceremony-rehearsal", hits
