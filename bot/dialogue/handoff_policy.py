"""Keep the bot quiet while a liaison officer has the conversation.

When the `handoff_active` slot is true, every visitor message is answered by the forward action
(which passes it to the officer and says nothing), then the bot listens again. Messages the console
sends (an officer's reply, the hand-back) go to the rules as usual. With a priority above
RulePolicy's, its prediction wins over any rule for the same turn; otherwise it abstains.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from common.intents import STAFF_INTENTS


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class HandoffPolicy(Policy):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            "priority": 7,
            "slot": "handoff_active",
            "forward_action": "action_forward_to_liaison",
            # Staff intents, which only the console sends (Rasa's trigger_intent API).
            "console_intents": sorted(STAFF_INTENTS),
        }

    def train(
        self,
        training_trackers: List[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[str, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        if tracker.get_slot(self.config["slot"]) is True:
            intent = tracker.latest_message.intent.get("name") if tracker.latest_message else None
            last_action = tracker.latest_action_name
            forward = self.config["forward_action"]
            if last_action == ACTION_LISTEN_NAME and intent not in self.config["console_intents"]:
                probabilities[domain.index_for_action(forward)] = 1.0
            elif last_action == forward:
                probabilities[domain.index_for_action(ACTION_LISTEN_NAME)] = 1.0
        return self._prediction(probabilities)
