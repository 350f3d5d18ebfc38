"""The actions Rasa sends only the current turn (bot.patches.send_latest_turn_to_actions) must
not read earlier events: only actions/handoff.py reads `tracker.events`, and none of the listed
actions is one of its history readers; every listed name is an action the domain has."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.patches.send_latest_turn_to_actions import LATEST_TURN_ACTIONS

ROOT = Path(__file__).resolve().parents[2]
# Whatever reads the conversation's history through rasa_sdk's Tracker (actions name it
# `tracker` throughout).
HISTORY = re.compile(
    r"tracker\.(events|applied_events|get_last_event_for|events_after_latest_restart|"
    r"current_state|slots_to_validate|idx_after_latest_restart)\b"
)


def test_only_handoff_reads_history_and_its_readers_are_not_listed() -> None:
    readers = sorted(
        path.name
        for path in (ROOT / "actions").glob("*.py")
        if HISTORY.search(path.read_text(encoding="utf-8"))
    )
    assert readers == ["handoff.py"], (
        "a module of actions/ reads the conversation's history: check whether its actions "
        "must leave bot.patches.send_latest_turn_to_actions.LATEST_TURN_ACTIONS"
    )
    handoff = (ROOT / "actions" / "handoff.py").read_text(encoding="utf-8")
    # The history readers (transcript, _previous_turn) serve action_request_human only.
    assert "action_request_human" not in LATEST_TURN_ACTIONS
    for reader in ("transcript(tracker)", "_previous_turn(tracker)"):
        user = handoff.index(reader, handoff.index("def " + reader.split("(")[0]) + 1)
        assert handoff.rfind('return "action_', 0, user) == handoff.index(
            'return "action_request_human"'
        )


def test_every_listed_action_is_in_the_domain() -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert set(domain["actions"]) >= LATEST_TURN_ACTIONS
