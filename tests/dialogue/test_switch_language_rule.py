"""The rules for a switch of language (data/rules.yml), as Rasa's RulePolicy learns them: the
switch, then action_language_switched, which says the answer the visitor was waiting for in the
new language or confirms the switch (actions/switch_language.py), then the bot listens. Whether
a question is pending is the action's to read: the slot that keeps it never steers the rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.generator import TrainingDataGenerator
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.core.training_data.structures import StoryGraph

ROOT = Path(__file__).resolve().parents[2]
KEPT = {"action": "action_answer_topic", "language": "ur", "asked_at": 0.0, "message": {}}


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(ROOT / "domain.yml")


@pytest.fixture(scope="module")
def policy(domain: Domain, tmp_path_factory: pytest.TempPathFactory) -> RulePolicy:
    steps = YAMLStoryReader(domain).read_from_file(ROOT / "data" / "rules.yml")
    trackers = TrainingDataGenerator(StoryGraph(steps), domain, augmentation_factor=0).generate()
    created = RulePolicy.create(
        RulePolicy.get_default_config(),
        LocalModelStorage(tmp_path_factory.mktemp("rules")),
        Resource("rules"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    assert isinstance(created, RulePolicy)
    created.train(trackers, domain)
    return created


def predicted(policy: RulePolicy, domain: Domain, events: list[Any]) -> str:
    tracker = DialogueStateTracker.from_events("visitor", events, slots=domain.slots)
    prediction = policy.predict_action_probabilities(tracker, domain)
    return domain.action_names_or_texts[prediction.max_confidence_index]


def pressed(*before: Any) -> list[Any]:
    """The notice's English button pressed (its payload, as Rasa's shortcut parser reads it)."""
    return [
        *before,
        ActionExecuted("action_listen"),
        UserUttered(
            '/switch_language{"requested_language": "en"}',
            {"name": "switch_language", "confidence": 1.0},
            [{"entity": "requested_language", "value": "en"}],
        ),
    ]


@pytest.mark.parametrize(
    "before",
    [
        pytest.param([], id="nothing-pending"),
        pytest.param([SlotSet("pending_question", KEPT)], id="a-question-pending"),
    ],
)
def test_a_switch_is_followed_by_the_answer_or_the_confirmation_then_listening(
    policy: RulePolicy, domain: Domain, before: list[Any]
) -> None:
    events = pressed(*before)
    assert predicted(policy, domain, events) == "action_switch_language"
    events.append(ActionExecuted("action_switch_language"))
    events.append(SlotSet("language", "en"))
    assert predicted(policy, domain, events) == "action_language_switched"
    events.append(ActionExecuted("action_language_switched"))
    assert predicted(policy, domain, events) == "action_listen"


def test_the_kept_question_is_a_slot_the_rules_do_not_read(domain: Domain) -> None:
    slot = next(slot for slot in domain.slots if slot.name == "pending_question")
    assert not slot.influence_conversation
    # Never filled from what a visitor writes: only the answering actions set it.
    assert [mapping["type"] for mapping in slot.mappings] == ["custom"]
