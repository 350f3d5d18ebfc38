from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasa_sdk import Tracker

TRACKERS = Path(__file__).parent / "trackers"


def tracker_from_file(name: str, **changes: Any) -> Tracker:
    """A tracker from a JSON fixture (as Rasa sends it), with language/intent/text overrides."""
    state = json.loads((TRACKERS / name).read_text(encoding="utf-8"))
    if "language" in changes:
        state["slots"]["language"] = changes["language"]
    if "intent" in changes:
        state["latest_message"]["intent"]["name"] = changes["intent"]
    if "text" in changes:
        state["latest_message"]["text"] = changes["text"]
    if "entities" in changes:
        state["latest_message"]["entities"] = changes["entities"]
    return Tracker.from_dict(state)
