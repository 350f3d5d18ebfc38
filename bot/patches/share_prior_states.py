"""Replay a conversation into the policies' states once per prediction, not once per policy.

Reason: at every prediction each policy turns the whole conversation into states again:
`Domain.states_for_tracker_history` replays the tracker's events one by one from an empty copy
(`generate_all_prior_trackers`) and takes the active state before each action. MemoizationPolicy
does it once, RulePolicy once or twice (the user's text, then the intent), on the same tracker
with the same events; only what is done with each step differs (ignore_rule_only_turns, the
rule-only slots and loops). The replacement keeps, on the tracker, the replay's steps (the active
state, the previous action's sub-state, the hidden-turn flag, the follow-up action, the latest
action and the active loop of each prior tracker) and the replay's own tracker, and builds each
caller's states from them with Rasa's own loop: the same events are not replayed again, and
events appended since (the turn's action, the next message) are replayed from where the kept
replay stopped. Each call gets its own copy of the kept
steps, copied together so that what Rasa's states share (the previous action's dict in a state
and as the substitute of the next one) they share here too: the featurizer deletes keys from
the last state afterwards.

Gain: py-spy on the 10-user load of questions never asked before (tools.bench.profile --kind
fresh, 2026-12-07 01:24) had `past_states` in 9.9 % of Rasa's busy samples, called three times
at the prediction after a user message and twice after the action. In one process on
models/current.tar.gz (the trained policies, two predictions a turn, ten-turn conversations,
eight alternating rounds at load 15): the predictions' CPU per turn 2.6-3.7 ms -> 1.9-2.3 with
the tracker read again each turn (the cluster), 2.6-3.1 -> 1.8-2.2 with it kept
(keep_trackers_between_turns). The replay of states alone: 0.79 -> 0.38 ms a turn at ten turns,
1.54 -> 0.70 at twenty (docs/deploy.md, twelfth round).

Risk: medium. It re-implements `Domain.states_for_tracker_history` of Rasa 3.6.21 (the loop is
copied, the replay and `get_active_state` are Rasa's own), and trusts that a tracker whose event
deque, length and last event are the same objects has the same history (events are only ever
appended; a deque at its maxlen drops the first when appending, which changes the last), and
that appended events apply after the earlier ones unless they revert, restart, start or stop a
loop, or run a loop's action (`_rewriting`: then the whole conversation is replayed). Only
`DialogueStateTracker` instances use the kept steps; any other tracker is replayed as before.
tests/bot/patches/test_share_prior_states.py compares the states with Rasa's own, every
argument combination, on conversations with rules, loops, reverts and restarts, growing event by
event, and a small trained assistant's answers with and without it. Memory: a kept
conversation (keep_trackers_between_turns) also keeps its replay's tracker and steps.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from bot.patches._originals import Originals

ATTRIBUTE = "_liaison_prior_steps"


_PLAIN = (str, int, float, bool, type(None))


def _copied_value(value: Any, memo: dict[int, Any]) -> Any:
    """A copy of dicts and lists, one copy per object (shared stays shared); strings, numbers,
    None and tuples of them are immutable and kept."""
    found = memo.get(id(value))
    if found is not None:
        return found
    if isinstance(value, dict):
        copy: Any = {}
        memo[id(value)] = copy
        for key, item in value.items():
            copy[key] = _copied_value(item, memo)
        return copy
    if isinstance(value, list):
        copy = []
        memo[id(value)] = copy
        copy.extend(_copied_value(item, memo) for item in value)
        return copy
    if isinstance(value, tuple):
        return tuple(_copied_value(item, memo) for item in value)
    return value


def _copied_sub_state(sub: Any, memo: dict[int, Any]) -> Any:
    """A state's sub-state (a dict of strings and tuples of numbers or strings, as Rasa 3.6
    makes them; anything else through `_copied_value`), one copy per object."""
    found = memo.get(id(sub))
    if found is not None:
        return found
    if type(sub) is not dict or not all(
        type(v) in _PLAIN or (type(v) is tuple and all(type(x) in _PLAIN for x in v))
        for v in sub.values()
    ):
        return _copied_value(sub, memo)
    copy = dict(sub)
    memo[id(sub)] = copy
    return copy


def _copied(steps: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The kept steps for one caller: the states and the previous actions' sub-states copied
    together (what Rasa's states share, they share here too), the rest immutable."""
    memo: dict[int, Any] = {}
    copies = []
    for state, prev_action, *rest in steps:
        state_copy = {key: _copied_sub_state(sub, memo) for key, sub in state.items()}
        prev_copy = None if prev_action is None else _copied_sub_state(prev_action, memo)
        copies.append((state_copy, prev_copy, *rest))
    return copies


# Events that change which earlier events apply (rasa's `applied_events`): after one of these,
# or an action of a loop, the conversation is replayed from its start again.
def _rewriting(event: Any, loops: set[str]) -> bool:
    from rasa.shared.core.events import (
        ActionExecuted,
        ActionReverted,
        ActiveLoop,
        Restarted,
        SessionStarted,
        UserUtteranceReverted,
    )

    return isinstance(
        event, (Restarted, SessionStarted, ActionReverted, UserUtteranceReverted, ActiveLoop)
    ) or (isinstance(event, ActionExecuted) and event.action_name in loops)


def _step(domain: Any, prior: Any, hide_rule_turn: bool, omit_unset_slots: bool) -> tuple[Any, ...]:
    """What Rasa's loop reads of one prior tracker."""
    return (
        domain.get_active_state(prior, omit_unset_slots=omit_unset_slots),
        domain._get_prev_action_sub_state(prior),
        hide_rule_turn,
        prior.followup_action,
        prior.latest_action_name,
        prior.active_loop_name,
    )


def _replayed(
    domain: Any, replay: Any, events: Any, omit_unset_slots: bool
) -> list[tuple[Any, ...]]:
    """`generate_all_prior_trackers`' loop from `replay` on: a step before each action, and
    one after the last event."""
    from rasa.shared.core.events import ActionExecuted

    steps = []
    for event in events:
        if isinstance(event, ActionExecuted):
            steps.append(_step(domain, replay, event.hide_rule_turn, omit_unset_slots))
        replay.update(event)
    steps.append(_step(domain, replay, False, omit_unset_slots))
    return steps


def _steps(domain: Any, tracker: Any, omit_unset_slots: bool) -> list[tuple[Any, ...]]:
    """What Rasa's loop reads of each prior tracker, kept on the tracker with the replay's own
    tracker: the same events are not replayed again, and events only appended since (a turn's
    action, the next message) are replayed from where the kept replay stopped, unless one of
    them changes which earlier events apply (`_rewriting`). A fresh copy for each caller."""
    from rasa.shared.core.events import ActiveLoop

    events = tracker.events
    count = len(events)
    last = events[-1] if events else None
    kept = tracker.__dict__.get(ATTRIBUTE)
    if kept is not None and (
        kept[0] is not events or kept[3] is not domain or kept[4] != omit_unset_slots
    ):
        kept = None
    if kept is not None and kept[1] == count and kept[2] is last:
        return _copied(kept[5])
    if kept is not None and 0 < kept[1] < count and events[kept[1] - 1] is kept[2]:
        loops = kept[7]
        new = list(itertools.islice(events, kept[1], None))
        if not any(_rewriting(event, loops) for event in new):
            # The kept replay moves on: if that fails half-way, nothing is kept.
            del tracker.__dict__[ATTRIBUTE]
            steps = kept[5][:-1] + _replayed(domain, kept[6], new, omit_unset_slots)
            kept = (events, count, last, domain, omit_unset_slots, steps, kept[6], loops)
            tracker.__dict__[ATTRIBUTE] = kept
            return _copied(steps)
    replay = tracker.init_copy()
    steps = _replayed(domain, replay, tracker.applied_events(), omit_unset_slots)
    loops = {event.name for event in events if isinstance(event, ActiveLoop) and event.name}
    tracker.__dict__[ATTRIBUTE] = (
        events,
        count,
        last,
        domain,
        omit_unset_slots,
        steps,
        replay,
        loops,
    )
    return _copied(steps)


def apply() -> Originals:
    """Replace `Domain.states_for_tracker_history`; return what it replaced."""
    import rasa.shared.core.constants as constants
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    rasas: Callable[..., Any] = Domain.states_for_tracker_history

    def states_for_tracker_history(
        self: Domain,
        tracker: DialogueStateTracker,
        omit_unset_slots: bool = False,
        ignore_rule_only_turns: bool = False,
        rule_only_data: dict[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        """List of states for each state of the trackers history (Rasa 3.6.21's loop)."""
        if type(tracker) is not DialogueStateTracker:
            return rasas(self, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        states: list[dict[str, Any]] = []
        last_ml_action_sub_state = None
        turn_was_hidden = False
        for state, prev_action, hide_rule_turn, followup, latest, loop in _steps(
            self, tracker, omit_unset_slots
        ):
            if ignore_rule_only_turns:
                if not turn_was_hidden:
                    last_ml_action_sub_state = prev_action
                if not followup and latest != loop:
                    turn_was_hidden = hide_rule_turn
                if turn_was_hidden:
                    continue
            if ignore_rule_only_turns:
                self._remove_rule_only_features(state, rule_only_data)
                if states:
                    self._substitute_rule_only_user_input(state, states[-1])
                if last_ml_action_sub_state:
                    state[constants.PREVIOUS_ACTION] = last_ml_action_sub_state
            states.append(self._clean_state(state))
        return states

    originals = Originals()
    originals.replace(Domain, "states_for_tracker_history", states_for_tracker_history)
    return originals
