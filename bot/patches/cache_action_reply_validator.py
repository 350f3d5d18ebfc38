"""Validate the action server's replies with a validator built once.

Reason: Rasa checks each reply of the action server with `jsonschema.validate()`, which first
re-checks Rasa's (constant) response schema against the JSON Schema meta-schema, on every call:
~10-20 ms a call on this machine, for a validation proper of 0.02-0.3 ms. In the Rasa process,
~40 % of a turn answered by a custom action went there (`python -m tools.bench.profile`).

Gain: measured together with keep_action_connections, pool_sqlite_tracker_store and the WAL
tracker database (docs/bench.md, first round): a custom-action turn for one user went from
p50/p95 55/78 ms to 34/43 ms, 10 users from 15.4 to 33.9 turns/s, Rasa CPU per turn at
10 users from 42.7 to 20.4 ms.

Risk: low. It replaces `RemoteAction._validate_action_result` (a private method) and reads only
Rasa's public `action_response_format_spec()`; an invalid reply raises the same ValidationError
with the same message as before. If Rasa changed that method's name or signature, the
replacement would go unused or fail on every custom action; the patch is applied on Rasa 3.6.21
only, and tests/bot/patches/test_cache_action_reply_validator.py compares it with Rasa's own
on valid and invalid replies.
"""

from __future__ import annotations

from typing import Any

from bot.patches._originals import Originals


def apply() -> Originals:
    """Replace `RemoteAction._validate_action_result`; return what it replaced."""
    import jsonschema
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    validators: dict[str, Any] = {}

    def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
        validator = validators.get("reply")
        if validator is None:
            schema = self.action_response_format_spec()
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            validator = validators["reply"] = cls(schema)
        # What jsonschema.validate() raises, without re-checking the schema each time.
        error = jsonschema.exceptions.best_match(validator.iter_errors(result))
        if error is not None:
            error.message += (
                f". Failed to validate Action server response from API, "
                f"make sure your response from the Action endpoint is valid. "
                f"For more information about the format visit "
                f"{DOCS_BASE_URL}/custom-actions"
            )
            raise error
        return True

    originals = Originals()
    originals.replace(RemoteAction, "_validate_action_result", _validate_action_result)
    return originals
