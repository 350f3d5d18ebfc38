"""common.topics against the domain and the rules: the intents the NLU can predict, and the action
each one runs, are written there; the topics a pack item may have are common.topics.TOPICS."""

from __future__ import annotations

from common.topics import TOPIC_FOR_INTENT, TOPICS
from tests.actions.rules import domain_intents, intents_answered_by


def test_every_topic_intent_is_in_the_domain() -> None:
    assert set(TOPIC_FOR_INTENT) <= domain_intents()


def test_the_topic_action_answers_exactly_the_intents_mapped_to_topics() -> None:
    by_topic_action = intents_answered_by("action_answer_topic")
    assert by_topic_action, "data/rules.yml has rules for action_answer_topic"
    # ask_dress_code has its own action (dress codes are structured items); its topic items are
    # that action's fallback. Every other mapped intent is answered by the topic action.
    assert by_topic_action == set(TOPIC_FOR_INTENT) - {"ask_dress_code"}
    assert intents_answered_by("action_answer_dress") == {"ask_dress_code"}


def test_every_topic_has_one_intent_and_every_intent_a_known_topic() -> None:
    assert sorted(TOPIC_FOR_INTENT.values()) == sorted(TOPICS)
