"""The actions Rasa sends only the current turn (bot.patches.send_latest_turn_to_actions) must
not read earlier events: only actions/handoff.py reads `tracker.events`, and none of the listed
actions is one of its history readers; the listed ones of handoff.py answer, search and record
the same on the current turn as on the whole conversation (as Rasa sends each); every listed
name is an action the domain has."""

from __future__ import annotations

import ast
import asyncio
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import liaison_team
from actions.base import LookupAction
from actions.handoff import ActionNotUnderstood, ActionOutOfScope
from bot.patches.send_latest_turn_to_actions import LATEST_TURN_ACTIONS
from tests.actions.conftest import EMPTY_DOMAIN
from tests.actions.fake_lookup import FakeLookup, client_for
from tests.packs import other_pack

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


# --- The handoff.py actions in the list: their own checks (the module as a whole reads history).


def _handoff_history_readers(tree: ast.Module, source: str) -> set[str]:
    """handoff.py's module-level functions that read the conversation's history."""
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and HISTORY.search(ast.get_source_segment(source, node) or "")
    }


def _action_classes(tree: ast.Module) -> dict[str, ast.ClassDef]:
    """handoff.py's action classes by the name their `name()` returns."""
    classes = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        for method in node.body:
            if isinstance(method, ast.FunctionDef) and method.name == "name":
                returned = method.body[-1]
                if isinstance(returned, ast.Return) and isinstance(returned.value, ast.Constant):
                    classes[str(returned.value.value)] = node
    return classes


def test_the_listed_handoff_actions_read_no_history() -> None:
    source = (ROOT / "actions" / "handoff.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    readers = _handoff_history_readers(tree, source)
    assert readers == {"transcript", "_previous_turn"}, "a new history reader: list it here"
    classes = _action_classes(tree)
    listed = LATEST_TURN_ACTIONS & classes.keys()
    assert {"action_not_understood", "action_out_of_scope"} <= listed
    for name in listed:
        body = ast.get_source_segment(source, classes[name]) or ""
        assert not HISTORY.search(body), name
        called = {n.id for n in ast.walk(classes[name]) if isinstance(n, ast.Name)}
        assert not called & readers, f"{name} calls {sorted(called & readers)}"


def _conversation(text: str, intent: str) -> Any:
    """Rasa's tracker of a French visitor's third message (two earlier turns, one answered by a
    person's queue, with their own texts and channels)."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import (
        ActionExecuted,
        BotUttered,
        SessionStarted,
        SlotSet,
        UserUttered,
    )
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.from_dict(
        {
            "intents": ["greet", "ask_meal_times", "out_of_scope", "nlu_fallback"],
            "slots": {"language": {"type": "text", "mappings": [{"type": "custom"}]}},
        }
    )

    def user(words: str, name: str, channel: str) -> UserUttered:
        parse = {
            "text": words,
            "intent": {"name": name, "confidence": 0.7},
            "intent_ranking": [
                {"name": name, "confidence": 0.7},
                {"name": "ask_venue_info", "confidence": 0.2},
            ],
            "entities": [],
        }
        return UserUttered(
            words,
            intent=parse["intent"],  # type: ignore[arg-type]
            parse_data=parse,  # type: ignore[arg-type]
            input_channel=channel,
            metadata={"nationality": "FR"},
        )

    events = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        user("bonjour", "greet", "rest"),
        SlotSet("language", "en"),
        ActionExecuted("utter_greet"),
        BotUttered("Hello!", metadata={"utter_action": "utter_greet"}),
        ActionExecuted("action_listen"),
        user("quand est le déjeuner ?", "ask_meal_times", "rest"),
        ActionExecuted("action_answer_topic"),
        BotUttered("Déjeuner 12:00-13:30."),
        ActionExecuted("action_listen"),
        user(text, intent, "socketio"),
        SlotSet("language", "fr"),
    ]
    return DialogueStateTracker.from_events("visitor-7", events, domain.slots)


def _as_sent(tracker: Any, latest_turn_only: bool) -> Tracker:
    """The tracker as the action server reads it from Rasa's request, whole or trimmed by the
    patch's view."""
    from rasa.shared.core.trackers import EventVerbosity

    from bot.patches.send_latest_turn_to_actions import _LatestTurnView

    source = _LatestTurnView(tracker) if latest_turn_only else tracker
    return Tracker.from_dict(json.loads(json.dumps(source.current_state(EventVerbosity.ALL))))


@pytest.mark.parametrize(
    "action_class,intent,text,sure",
    [
        (ActionOutOfScope, "out_of_scope", "where is the welcome tent?", True),
        (ActionOutOfScope, "out_of_scope", "what's the weather in Paris?", False),
        (ActionNotUnderstood, "nlu_fallback", "welcome tent opening?", True),
        (ActionNotUnderstood, "nlu_fallback", "blorp the frobnicator", False),
    ],
)
def test_the_listed_handoff_actions_do_the_same_with_the_latest_turn_only(
    action_class: type[LookupAction], intent: str, text: str, sure: bool
) -> None:
    pack = other_pack()
    venue = pack["venues"][0]

    async def run(latest_turn_only: bool) -> tuple[Any, ...]:
        liaison_team._known_visitors.clear()
        fake = FakeLookup(pack)
        fake.search_hits = [("venue", venue["id"])]
        fake.search_figures = {("venue", venue["id"]): (2.0, 1.0) if sure else (0.3, 0.5)}
        async with client_for(fake.handle) as client:
            dispatcher = CollectingDispatcher()
            tracker = _as_sent(_conversation(text, intent), latest_turn_only)
            events = await action_class(client).run(dispatcher, tracker, EMPTY_DOMAIN)
            await liaison_team.drain()
        reads = [(r.url.path, sorted(r.url.params.items())) for r in fake.requests]
        return dispatcher.messages, events, reads, fake.intake

    whole, latest = asyncio.run(run(False)), asyncio.run(run(True))
    assert latest == whole
    messages, _, reads, intake = whole
    assert messages and any(path == "/v1/search" for path, _ in reads)
    # Registered on the latest message's channel, which only the latest turn's event carries.
    assert [body["channel"] for _, path, body in intake if path == "/v1/visitors"] == ["socketio"]
    if not sure and action_class is ActionNotUnderstood:  # recorded for the liaison team
        assert [body["text"] for _, path, body in intake if path == "/v1/unanswered"] == [text]
