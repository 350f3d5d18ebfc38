"""Send the action server only the current turn's events for the actions that read no history.

Reason: for every custom action Rasa 3.6 sends the whole conversation, every event as a dict
(`tracker.current_state(EventVerbosity.ALL)`), encoded with the standard library's json and
parsed again by rasa_sdk, although the answering actions read only the slots, the latest
message, the sender and the latest input channel (actions/: only actions/handoff.py reads
`tracker.events`, for action_request_human's transcript and previous turn). The payload grows
with the conversation: ~12 KB after 5 turns, ~110 KB after 50 (a typical Arabic topic turn
repeated), and json.dumps of it alone took 0.1 ms and 1.0 ms of Rasa's CPU.
For the actions in LATEST_TURN_ACTIONS the tracker's `events` are those from the latest user
message on (all of them when there is none); everything else in the request (slots,
latest_message, latest_input_channel, paused, followup_action, active_loop,
latest_action_name, the domain when asked for) is Rasa's own, unchanged. Every other action,
and any action added later, gets the whole conversation as before.

Gain: see docs/bench.md (issue 22, sixth round).

Risk: low. It wraps the public `RemoteAction._action_call_format` contract only through the
tracker it is given (a view whose `current_state` trims the events; everything else is the
tracker's), so Rasa builds the request as it always does. What an action sees changes only in
`tracker.events`: an action in LATEST_TURN_ACTIONS that starts reading earlier turns would
see only the current one; tests/actions/test_latest_turn_actions.py fails when a module of
actions/ other than handoff.py reads `tracker.events`, when a listed action of handoff.py
(action_not_understood, action_out_of_scope) reads it or calls its history readers, and when
either of those two answers, searches or records differently on the current turn than on the
whole conversation; it also checks the listed names exist.
LIAISON_RASA_PATCHES can leave it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.patches._originals import Originals

# Custom actions whose code reads no event before the latest user message (slots, latest
# message, sender and input channel only). action_request_human (the transcript it hands the
# liaison team, the previous turn's answer) is not one.
LATEST_TURN_ACTIONS = frozenset(
    {
        "action_answer_topic",
        "action_answer_contacts",
        "action_answer_exercise",
        "action_answer_schedule",
        "action_answer_event",
        "action_answer_dress",
        "action_answer_venue",
        "action_answer_rank",
        "action_not_understood",
        "action_out_of_scope",
        "action_refuse_restricted",
        "action_enrol",
        "action_switch_language",
        # Reads the slots (the kept question among them) and hands them to one of the above.
        "action_language_switched",
    }
)


def latest_turn(events: Sequence[Any]) -> list[Any]:
    """The events from the latest user message on; all of them when there is none."""
    from rasa.shared.core.events import UserUttered

    for index in range(len(events) - 1, -1, -1):
        if isinstance(events[index], UserUttered):
            return list(events)[index:]
    return list(events)


class _LatestTurnView:
    """The tracker as `_action_call_format` reads it, with the events of its state trimmed."""

    def __init__(self, tracker: Any) -> None:
        self._tracker = tracker

    def current_state(self, event_verbosity: Any = None) -> dict[str, Any]:
        from rasa.shared.core.trackers import EventVerbosity

        state: dict[str, Any] = self._tracker.current_state(EventVerbosity.NONE)
        if event_verbosity not in (None, EventVerbosity.NONE):
            state["events"] = [event.as_dict() for event in latest_turn(self._tracker.events)]
        return state

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tracker, name)


def apply(actions: frozenset[str] = LATEST_TURN_ACTIONS) -> Originals:
    """Wrap `RemoteAction._action_call_format`; return what it replaced."""
    from rasa.core.actions.action import RemoteAction

    original = RemoteAction._action_call_format

    def call_format(self: RemoteAction, tracker: Any, domain: Any) -> Any:
        if self.name() in actions:
            tracker = _LatestTurnView(tracker)
        return original(self, tracker, domain)

    originals = Originals()
    originals.replace(RemoteAction, "_action_call_format", call_format)
    return originals
