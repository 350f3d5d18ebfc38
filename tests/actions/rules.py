"""What the domain and the rules say (domain.yml, data/rules.yml), for the action tests."""

from __future__ import annotations

from typing import Any

import yaml

from tests.packs import ROOT


def _yaml(path: str) -> Any:
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def domain_intents() -> set[str]:
    return {i if isinstance(i, str) else next(iter(i)) for i in _yaml("domain.yml")["intents"]}


def intents_answered_by(action: str) -> set[str]:
    """Intents whose rule is exactly: the intent, then `action`."""
    answered = set()
    for rule in _yaml("data/rules.yml")["rules"]:
        steps = rule["steps"]
        if len(steps) == 2 and steps[1].get("action") == action and "intent" in steps[0]:
            answered.add(steps[0]["intent"])
    return answered
