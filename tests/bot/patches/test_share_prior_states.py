"""bot.patches.share_prior_states: the policies' states are Rasa's own, for every argument
combination, on conversations with a featurised slot, a form, hidden rule turns, follow-up
actions, reverts and restarts, and on the trackers of this project's rules; a caller changing
the states it got, or new events, do not change what the next caller gets."""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rasa.core.featurizers.single_state_featurizer import SingleStateFeaturizer
from rasa.core.featurizers.tracker_featurizers import (
    FullDialogueTrackerFeaturizer,
    MaxHistoryTrackerFeaturizer,
)
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    FollowupAction,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.patches._originals import Originals
from tests.bot.patches import test_run_graphs_in_order as graph_order

ROOT = Path(__file__).resolve().parents[3]
# The small trained assistant of test_run_graphs_in_order (trained once for this module too).
tiny_model = graph_order.tiny_model

DOMAIN = Domain.from_dict(
    {
        "intents": ["greet", "ask", "inform", "stop"],
        "entities": ["city", "day"],
        "slots": {
            "city": {
                "type": "text",
                "influence_conversation": True,
                "mappings": [{"type": "from_entity", "entity": "city"}],
            },
            "day": {
                "type": "categorical",
                "values": ["mon", "tue"],
                "mappings": [{"type": "from_entity", "entity": "day"}],
            },
            "quiet": {"type": "any", "influence_conversation": False, "mappings": []},
        },
        "forms": {"trip_form": {"required_slots": ["city", "day"]}},
        "actions": ["action_answer", "action_check"],
        "responses": {"utter_greet": [{"text": "Hi"}], "utter_ask_city": [{"text": "Where?"}]},
    }
)

RULE_ONLY = [None, {}, {"slots": ["day"], "loops": ["trip_form"]}, {"slots": ["city"]}]


def _said(intent: str, text: str, entities: list[dict[str, Any]] | None = None) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 1.0}, entities or [])


def _conversations() -> list[list[Event]]:
    listen = ActionExecuted("action_listen")
    hidden_listen = ActionExecuted("action_listen", hide_rule_turn=True)
    city = [{"entity": "city", "value": "Rabat", "start": 0, "end": 5}]
    day = [{"entity": "day", "value": "mon", "start": 0, "end": 3, "role": "start"}]
    form = [
        listen,
        _said("greet", "hello"),
        ActionExecuted("utter_greet"),
        listen,
        _said("ask", "a trip", city),
        SlotSet("city", "Rabat"),
        ActionExecuted("trip_form"),
        ActiveLoop("trip_form"),
        SlotSet("requested_slot", "day"),
        hidden_listen,
        _said("inform", "monday", day),
        SlotSet("day", "mon"),
        ActionExecuted("trip_form", hide_rule_turn=True),
        SlotSet("requested_slot", None),
        ActiveLoop(None),
        ActionExecuted("action_answer"),
        listen,
        _said("stop", "stop"),
    ]
    reverts = [
        listen,
        _said("ask", "when"),
        ActionExecuted("action_check", hide_rule_turn=True),
        FollowupAction("action_answer"),
        ActionExecuted("action_answer"),
        SlotSet("quiet", "x"),
        ActionReverted(),
        listen,
        _said("greet", "hi again"),
        UserUtteranceReverted(),
        listen,
        _said("inform", "Rabat", city),
        ActionExecuted("action_answer", hide_rule_turn=True),
        listen,
    ]
    restarted = [
        *form[:8],
        Restarted(),
        SessionStarted(),
        listen,
        _said("ask", "again", city),
        ActionExecuted("action_answer"),
    ]
    return [[], [listen], form, form[:11], reverts, reverts[:9], restarted]


def _project_trackers() -> tuple[Domain, list[DialogueStateTracker]]:
    """The trackers Rasa trains the rules of this project's data/rules.yml from."""
    from rasa.shared.core.generator import TrainingDataGenerator
    from rasa.shared.importers.importer import TrainingDataImporter

    importer = TrainingDataImporter.load_from_dict(
        domain_path=str(ROOT / "domain.yml"), training_data_paths=[str(ROOT / "data" / "rules.yml")]
    )
    domain = importer.get_domain()
    generated = TrainingDataGenerator(
        importer.get_stories(), domain, augmentation_factor=0, remove_duplicates=False
    ).generate()
    trackers = [
        DialogueStateTracker.from_events(t.sender_id, list(t.events), domain.slots)
        for t in generated
    ]
    assert len(trackers) >= 40
    return domain, trackers


def _states(domain: Domain, trackers: list[DialogueStateTracker]) -> list[Any]:
    """Every state list the policies may ask for, twice each (the second from the kept steps),
    and what the featurizers make of them (they change the last state in place)."""
    seen: list[Any] = []
    for tracker in trackers:
        for omit, ignore, rule_only in itertools.product([False, True], [False, True], RULE_ONLY):
            for _ in range(2):
                states = tracker.past_states(domain, omit, ignore, rule_only)
                seen.append(copy.deepcopy(states))
                # A caller changing what it got does not reach the next caller.
                for state in states:
                    state.clear()
        featurizers = [
            FullDialogueTrackerFeaturizer(SingleStateFeaturizer()),
            MaxHistoryTrackerFeaturizer(SingleStateFeaturizer(), max_history=None),
            MaxHistoryTrackerFeaturizer(SingleStateFeaturizer(), max_history=2),
        ]
        for featurizer, text, ignore, rule_only in itertools.product(
            featurizers, [True, False], [False, True], RULE_ONLY
        ):
            seen.append(
                featurizer.prediction_states(
                    [tracker],
                    domain,
                    use_text_for_last_user_input=text,
                    ignore_rule_only_turns=ignore,
                    rule_only_data=rule_only,
                    ignore_action_unlikely_intent=ignore,
                )
            )
    return seen


def _trackers() -> list[DialogueStateTracker]:
    return [
        DialogueStateTracker.from_events("visitor", events, DOMAIN.slots)
        for events in _conversations()
    ]


def test_states_are_rasas_own(apply_patch: Callable[..., Originals]) -> None:
    project_domain, project_trackers = _project_trackers()
    expected = _states(DOMAIN, _trackers()), _states(project_domain, project_trackers)
    apply_patch("share_prior_states")
    trackers = _trackers()
    assert _states(DOMAIN, trackers) == expected[0]
    assert _states(project_domain, project_trackers) == expected[1]
    # The steps were kept on the trackers, and used (the second call of each pair).
    assert all("_liaison_prior_steps" in vars(tracker) for tracker in trackers)


@pytest.mark.parametrize("ignore", [False, True])
@pytest.mark.parametrize("which", [2, 4, 6])
def test_new_events_are_replayed(
    apply_patch: Callable[..., Originals], ignore: bool, which: int
) -> None:
    """A tracker that gets new events one by one (a turn's action, its next message; a loop
    starting, an action reverted, a restart) has Rasa's states after each; so has one whose
    full deque dropped its first event (same length, another last event)."""
    events = _conversations()[which]
    expected = []
    for count in range(len(events) + 1):
        tracker = DialogueStateTracker.from_events("visitor", events[:count], DOMAIN.slots)
        expected.append(tracker.past_states(DOMAIN, ignore_rule_only_turns=ignore))
    bounded = [
        DialogueStateTracker.from_events("v", events[:count], DOMAIN.slots, max_event_history=4)
        for count in range(len(events) + 1)
    ]
    expected_bounded = [t.past_states(DOMAIN, ignore_rule_only_turns=ignore) for t in bounded]
    other = Domain.from_dict({"intents": ["greet", "ask", "inform", "stop"]})
    expected_other = DialogueStateTracker.from_events("visitor", events, DOMAIN.slots).past_states(
        other, ignore_rule_only_turns=ignore
    )
    apply_patch("share_prior_states")
    growing = DialogueStateTracker.from_events("visitor", [], DOMAIN.slots)
    rolling = DialogueStateTracker("v", DOMAIN.slots, max_event_history=4)
    for count in range(len(events) + 1):
        if count:
            growing.update(events[count - 1])
            rolling.update(events[count - 1])
        for _ in range(2):
            assert growing.past_states(DOMAIN, ignore_rule_only_turns=ignore) == expected[count]
            assert (
                rolling.past_states(DOMAIN, ignore_rule_only_turns=ignore)
                == expected_bounded[count]
            )
    # Another domain is not answered from the steps kept for the first.
    assert growing.past_states(other, ignore_rule_only_turns=ignore) == expected_other
    assert growing.past_states(DOMAIN, ignore_rule_only_turns=ignore) == expected[-1]


def test_a_trained_assistant_answers_and_records_the_same(
    tiny_model: str, apply_patch: Callable[..., Originals]
) -> None:
    """The small assistant of test_run_graphs_in_order (MemoizationPolicy and RulePolicy) says
    and records the same five turns with the patch as without."""
    expected = graph_order.conversation(tiny_model)
    apply_patch("share_prior_states")
    assert graph_order.conversation(tiny_model) == expected
    assert len(expected[0]) == 5
