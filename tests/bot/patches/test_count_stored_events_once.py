"""bot.patches.count_stored_events_once: the conversation stored is exactly what Rasa's own store
writes, turn by turn, through two stores over one database (two replicas) and across a new
session, with no COUNT query for a tracker read at that turn."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import event

from bot.patches._originals import Originals

DOMAIN = Domain.from_dict({"slots": {"language": {"type": "any", "mappings": []}}})


def turn(tracker: DialogueStateTracker, text: str) -> None:
    tracker.update(UserUttered(text, {"name": "greet", "confidence": 1.0}))
    tracker.update(SlotSet("language", "fr"))
    tracker.update(BotUttered(f"answer to {text}"))
    tracker.update(ActionExecuted("action_listen"))


@contextmanager
def counting_queries(store: SQLTrackerStore) -> Iterator[list[str]]:
    """The SQL statements the store sends while inside the block."""
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


async def conversation(path: Path) -> list[str]:
    """Turns of one conversation through two stores (two replicas) taking turns, a second save
    of one turn, a tracker replaced by a new object, and a new session; returns the COUNT
    queries the saves of trackers read at their turn made."""
    replicas = [SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(path)) for _ in range(2)]
    counts: list[str] = []
    first = await replicas[0].get_or_create_tracker("visitor")  # new: no number, counted
    turn(first, "one")
    await replicas[0].save(first)
    for index, text in enumerate(("two", "three", "four", "five")):
        store = replicas[index % 2]
        tracker = await store.retrieve("visitor")
        assert tracker is not None
        turn(tracker, text)
        with counting_queries(store) as statements:
            await store.save(tracker)
            tracker.update(BotUttered(f"more on {text}"))  # a second save in the same turn
            await store.save(tracker)
        counts += [s for s in statements if "count(" in s.lower()]
    # A tracker that did not come from retrieve(): counted, as Rasa does.
    read = await replicas[1].retrieve("visitor")
    assert read is not None
    replaced = DialogueStateTracker.from_events("visitor", list(read.events), DOMAIN.slots)
    replaced.update(BotUttered("replaced"))
    await replicas[1].save(replaced)
    # A new session written by a tracker read at its turn; its next save is counted again.
    tracker = await replicas[0].retrieve("visitor")
    assert tracker is not None
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(ActionExecuted("action_listen"))
    await replicas[0].save(tracker)
    for index, text in enumerate(("six", "seven")):
        tracker = await replicas[(index + 1) % 2].retrieve("visitor")
        assert tracker is not None
        turn(tracker, text)
        await replicas[(index + 1) % 2].save(tracker)
    for store in replicas:
        store.engine.dispose()
    return counts


def stored(path: Path) -> list[str]:
    store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(path))
    tracker = asyncio.run(store.retrieve_full_tracker("visitor"))
    store.engine.dispose()
    assert tracker is not None
    return [f"{e.type_name} {getattr(e, 'text', '') or ''}".strip() for e in tracker.events]


def test_the_stored_conversation_is_rasas_own_without_the_count_queries(
    apply_patch: Callable[..., Originals], tmp_path: Path
) -> None:
    rasa_counts = asyncio.run(conversation(tmp_path / "rasa.db"))
    apply_patch("count_stored_events_once")

    patched_counts = asyncio.run(conversation(tmp_path / "patched.db"))

    assert stored(tmp_path / "patched.db") == stored(tmp_path / "rasa.db")
    assert len(rasa_counts) == 8  # Rasa counts at every save...
    assert patched_counts == []  # ...none of which a tracker read at its turn needs
    events = stored(tmp_path / "patched.db")
    assert events.count("user four") == 1 and events[-4:] == [
        "user seven",
        "slot",
        "bot answer to seven",
        "action",
    ]
