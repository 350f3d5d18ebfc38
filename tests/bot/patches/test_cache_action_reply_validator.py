"""bot.patches.cache_action_reply_validator changes the cost of validating the action server's
replies, not their outcome: replies validate (and fail) as before."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jsonschema
from rasa.core.actions.action import RemoteAction

from bot.patches._originals import Originals

VALID: list[dict[str, Any]] = [
    {"events": [], "responses": [{"text": "Lunch is at 12:00.", "buttons": [], "image": None}]},
    {"events": [{"event": "slot", "name": "language", "value": "fr"}], "responses": []},
    {},
]
INVALID: list[dict[str, Any]] = [
    {"events": "not a list"},
    {"events": [{"event": "slot"}], "responses": []},
    {"events": [{"event": "no_such_event"}]},
    {"responses": "text"},
]


def _outcome(validate: Any, result: dict[str, Any]) -> Any:
    try:
        return validate(RemoteAction("x", None), result)
    except jsonschema.ValidationError as error:
        return ("invalid", error.message, list(error.path))


def test_replies_validate_as_before(apply_patch: Callable[..., Originals]) -> None:
    original = RemoteAction._validate_action_result
    apply_patch("cache_action_reply_validator")
    assert RemoteAction._validate_action_result is not original
    for _ in range(2):  # the second time with the validator built the first time
        for result in VALID + INVALID:
            assert _outcome(RemoteAction._validate_action_result, result) == _outcome(
                original, result
            )
    assert all(_outcome(original, r)[0] == "invalid" for r in INVALID)
