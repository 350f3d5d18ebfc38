"""The loop every message-by-message NLU component runs in `process` (and
`process_training_data`): Rasa hands a list of messages, each is changed in place, and the same
list goes back."""

from __future__ import annotations

from typing import Callable, List

from rasa.shared.nlu.training_data.message import Message


def each_message(messages: List[Message], step: Callable[[Message], object]) -> List[Message]:
    """Run `step` on every message, in order (what it returns is ignored); return `messages`
    (changed in place)."""
    for message in messages:
        step(message)
    return messages
