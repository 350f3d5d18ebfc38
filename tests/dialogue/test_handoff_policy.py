"""HandoffPolicy: quiet while an officer has the conversation, abstaining otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.handoff_policy import HandoffPolicy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(ROOT / "domain.yml")


@pytest.fixture
def policy(tmp_path: Path) -> HandoffPolicy:
    created = HandoffPolicy.create(
        HandoffPolicy.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("handoff"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    assert isinstance(created, HandoffPolicy)  # Policy.create is typed as returning a Policy
    return created


def predicted(policy: HandoffPolicy, domain: Domain, events: list) -> str | None:
    tracker = DialogueStateTracker.from_events("visitor", events, slots=domain.slots)
    prediction = policy.predict_action_probabilities(tracker, domain)
    if max(prediction.probabilities) == 0:
        return None
    return domain.action_names_or_texts[prediction.max_confidence_index]


def said(intent: str) -> UserUttered:
    return UserUttered("…", {"name": intent, "confidence": 1.0})


def test_during_a_handoff_every_visitor_message_is_forwarded(
    policy: HandoffPolicy, domain: Domain
) -> None:
    for intent in ("greet", "ask_meal_times", "nlu_fallback", "request_human"):
        events = [SlotSet("handoff_active", True), ActionExecuted("action_listen"), said(intent)]
        assert predicted(policy, domain, events) == "action_forward_to_liaison"


def test_after_forwarding_the_bot_listens(policy: HandoffPolicy, domain: Domain) -> None:
    events = [
        SlotSet("handoff_active", True),
        ActionExecuted("action_listen"),
        said("greet"),
        ActionExecuted("action_forward_to_liaison"),
    ]
    assert predicted(policy, domain, events) == "action_listen"


@pytest.mark.parametrize("intent", ["liaison_message", "liaison_handback"])
def test_the_consoles_messages_are_left_to_the_rules(
    policy: HandoffPolicy, domain: Domain, intent: str
) -> None:
    events = [SlotSet("handoff_active", True), ActionExecuted("action_listen"), said(intent)]
    assert predicted(policy, domain, events) is None


def test_without_a_handoff_it_abstains(policy: HandoffPolicy, domain: Domain) -> None:
    events = [ActionExecuted("action_listen"), said("ask_meal_times")]
    assert predicted(policy, domain, events) is None
    assert policy.priority > 6  # above RulePolicy, whose rules would otherwise answer
