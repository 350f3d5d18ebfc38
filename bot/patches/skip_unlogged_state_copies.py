"""Copy the policies' states for a debug log line only when that line is logged.

Reason: at every prediction RulePolicy (once or twice) and MemoizationPolicy deep-copy the
conversation's states for a debug log line (`structlogger.debug("rule_policy.actions.find",
current_states=copy.deepcopy(current_states))`, `memoization.predict.actions`,
`memoization.states_recall`); the copy is made before the call, whatever the log level, and the
server logs at INFO, where structlog's filtering logger drops debug lines without reading their
arguments. In rasa.core.policies.rule_policy and rasa.core.policies.memoization `copy.deepcopy`
serves these log lines only. The replacement gives those two modules a `copy` whose `deepcopy`
copies when the module's own logger would log at debug (then the line is Rasa's, copy included:
Rasa's `_anonymizer` processor may change the values it is given) and otherwise hands back the
states uncopied to a call that drops them; everything else is the `copy` module's.
rasa.core.processor likewise (fourteenth round): its six `copy.deepcopy` calls copy, for debug
lines only, each action's events (`processor.actions.log`), the policies' prediction events,
the extracted slots' events, the slot values and the parse's text and entities, at every turn.

Gain: in one process on models/current.tar.gz (the trained policies, two predictions a turn,
ten-turn conversations, four alternating rounds at load 15, share_prior_states on in both):
0.05-0.17 ms of CPU less per turn, 1.9-2.3 -> 1.8-2.3 ms (docs/deploy.md, twelfth round); the
copies grow with the conversation.

Risk: low. When the logger logs debug lines the copy is made as before; when it does not, the
uncopied states go to a method that ignores its arguments (structlog's `_nop` for levels below
the configured one, checked on the module's logger at each call, so a later
`configure_structlog` is followed). tests/bot/patches/test_skip_unlogged_state_copies.py checks
both levels, the log lines at debug and the predictions at both.
"""

from __future__ import annotations

import copy
import logging
from types import ModuleType
from typing import Any

from bot.patches._originals import Originals

MODULES = (
    "rasa.core.policies.rule_policy",
    "rasa.core.policies.memoization",
    "rasa.core.processor",
)


def _dropped_debug() -> Any:
    """structlog's method for a level below the configured one (it does nothing)."""
    import structlog

    return structlog.make_filtering_bound_logger(logging.CRITICAL).debug


class _CopyForLogLines:
    """The `copy` module, but `deepcopy` for a module's debug log lines only when they log."""

    def __init__(self, module: ModuleType) -> None:
        self._module = module
        self._dropped = _dropped_debug()

    def __getattr__(self, name: str) -> Any:
        return getattr(copy, name)

    def deepcopy(self, value: Any, memo: dict[int, Any] | None = None) -> Any:
        logger = self._module.structlogger.bind()
        if getattr(type(logger), "debug", None) is self._dropped:
            return value
        return copy.deepcopy(value, memo)


def apply() -> Originals:
    """Give the policy modules and the processor their `copy`; return what it replaced."""
    import importlib

    originals = Originals()
    for name in MODULES:
        module = importlib.import_module(name)
        originals.replace(module, "copy", _CopyForLogLines(module))
    return originals
