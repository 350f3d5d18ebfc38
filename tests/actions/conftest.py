from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.types import DomainDict

from actions import liaison_team

TRACKERS = Path(__file__).parent / "trackers"
# Rasa sends the whole domain with each call; our actions read none of it.
EMPTY_DOMAIN: DomainDict = {
    "intents": [],
    "entities": [],
    "slots": {},
    "responses": {},
    "actions": [],
    "forms": {},
}


def tracker_from_file(name: str, **changes: Any) -> Tracker:
    """A tracker from a JSON fixture (as Rasa sends it), with language/intent/text overrides."""
    state = json.loads((TRACKERS / name).read_text(encoding="utf-8"))
    if "language" in changes:
        state["slots"]["language"] = changes["language"]
    if "intent" in changes:
        state["latest_message"]["intent"]["name"] = changes["intent"]
    if "text" in changes:
        state["latest_message"]["text"] = changes["text"]
    if "entities" in changes:
        state["latest_message"]["entities"] = changes["entities"]
    if "intent_ranking" in changes:
        state["latest_message"]["intent_ranking"] = changes["intent_ranking"]
    return Tracker.from_dict(state)


@pytest.fixture(autouse=True)
def forget_known_visitors() -> None:
    """Each test starts with an action server that has registered nobody yet."""
    liaison_team._known_visitors.clear()


@pytest.fixture(autouse=True)
def facts_judged_fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test packs' facts are dated; by the calendar they grow stale and every answer would
    gain the freshness note. It is off here and tested on its own (test_freshness.py)."""
    monkeypatch.setenv("LIAISON_STALE_AFTER_DAYS", "0")
