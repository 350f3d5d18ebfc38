"""Build the empty domain that `Domain.is_empty` compares with once, not at every message.

Reason: Rasa's `MessageProcessor.parse_message` checks the parse against the domain
(`_check_for_unseen_features`), which first asks `domain.is_empty()`; Rasa 3.6 answers that with
`self.as_dict() == Domain.empty().as_dict()`, and `Domain.empty()` is `Domain.from_dict({})`: a
whole Domain built (intent properties, slots, responses, deep copies) for every message, then
thrown away. The replacement compares with the same empty domain's dict, built at the first call
and kept.

Gain: py-spy on the bench's 10-user custom-action load (tools.bench.profile, 2026-12-06 14:54)
had `Domain.from_dict` under `is_empty` in 2.3 % of Rasa's busy samples, about 0.15 ms of CPU per
message; in one process, `is_empty()` on this project's domain.yml took 102 µs, 0.15 µs patched.

Risk: low. `Domain.from_dict({})` reads nothing but its argument, so its dict is the same at
every call; the kept dict is compared, never handed out (a caller changing what `as_dict()`
returned cannot reach it). Applied on Rasa 3.6.21 only;
tests/bot/patches/test_cache_empty_domain.py checks its answers against Rasa's own.
"""

from __future__ import annotations

import copy
from typing import Any

from bot.patches._originals import Originals


def apply() -> Originals:
    """Replace `Domain.is_empty`; return what it replaced."""
    from rasa.shared.core.domain import Domain

    kept: list[dict[str, Any]] = []

    def is_empty(self: Domain) -> bool:
        """Check whether the domain is empty."""
        if not kept:
            kept.append(copy.deepcopy(Domain.empty().as_dict()))
        return bool(self.as_dict() == kept[0])

    originals = Originals()
    originals.replace(Domain, "is_empty", is_empty)
    return originals
