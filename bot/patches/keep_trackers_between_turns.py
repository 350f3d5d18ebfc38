"""Keep the tracker saved at a turn for the next turn of that conversation.

HIGH RISK: changes what `SQLTrackerStore.retrieve` and `SQLTrackerStore.save` do, and replaces
the private `SQLTrackerStore._additional_events`.

Reason: each turn Rasa read the conversation back from the SQL tracker store (a query, an ORM
object and a JSON document per event, then every event replayed) and, to save it, counted the
stored events with another query: a third of a turn's CPU in Rasa (py-spy: read 17 %, write
17 %, half of it the count). With one Rasa process owning its conversations (Rasa's in-memory
lock store already assumes it), the tracker it saved is the tracker it would read back. So:
- a saved tracker is kept (the `limit` most recent conversations) and the next retrieve hands it
  out, once: it leaves the cache until it is saved again, so a turn that fails before saving
  leaves nothing half-done behind, and the next turn reads the database;
- a tracker read from the database, or handed out, knows how many of its events are stored, and
  its save writes the rest without counting them in the database.
Every event is still written at every turn, as before. A tracker that starts a new session, or
one saved by other means (a tracker replaced through the HTTP API, the first turn of a
conversation), is not kept: the next turn reads it from the database.

Gain (docs/bench.md, item 10): quick runs at 10 users, custom-action turns, 74.7-76.2 ->
112.2-119.8 turns/s; Rasa CPU per turn 12.3 -> 7.3 ms. Memory: ~75 KB per ten-turn
conversation (tracemalloc), ~75 MB at the default bound of 1,000 conversations.

Risk: high. It relies on Rasa private API and on an assumption about the deployment:
- `SQLTrackerStore._additional_events(session, tracker)`, private, which Rasa 3.6's `save()`
  calls to choose the events to write (those after the stored count of the current session);
- `retrieve()` returning the events since the last session start, so that `len(tracker.events)`
  is the number stored; and an attribute of ours (`_liaison_stored`) set on Rasa's trackers;
- one Rasa process writing each conversation. With several Sanic workers or a shared lock store
  another process may write a conversation while this one keeps a stale copy, and the next save
  would write events after the wrong count: the stored conversation diverges. So it is off with
  `SANIC_WORKERS` > 1 or `LIAISON_LOCK_STORE` (bot.patches.selected).
If Rasa renames `_additional_events` or changes its signature, saves either count again (slower,
correct) or fail on every turn (TypeError); if `save()` stops using it, or `retrieve()` starts
doing more (session handling, migrations), a kept tracker skips that, or events are written
twice or not at all. It is applied on Rasa 3.6.21 only; before moving to another Rasa, re-read
`SQLTrackerStore` in `rasa/core/tracker_store.py` and run
tests/bot/patches/test_keep_trackers_between_turns.py and the end-to-end tracker-store tests.
`LIAISON_KEEP_TRACKERS=0` or LIAISON_RASA_PATCHES can leave it out.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from bot.patches._originals import Originals
from bot.patches.count_stored_events_once import STORED, events_after_stored

# Conversations whose tracker stays in memory between turns (the most recent ones; about 75 KB
# each after ten turns). LIAISON_KEEP_TRACKERS overrides it; 0 turns the keeping off.
KEPT_TRACKERS = 1000


def apply(limit: int = KEPT_TRACKERS) -> Originals:
    """Replace `SQLTrackerStore.retrieve`, `save` and `_additional_events`; return what they
    replaced."""
    import itertools
    from collections import OrderedDict

    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.events import SessionStarted

    kept: OrderedDict[tuple[int, str], Any] = OrderedDict()
    retrieve, save = SQLTrackerStore.retrieve, SQLTrackerStore.save
    count_stored = SQLTrackerStore._additional_events

    async def kept_retrieve(self: SQLTrackerStore, sender_id: str) -> Any:
        tracker = kept.pop((id(self), sender_id), None)
        if tracker is None:
            tracker = await retrieve(self, sender_id)
            if tracker is not None:
                setattr(tracker, STORED, len(tracker.events))
        return tracker

    async def keeping_save(self: SQLTrackerStore, tracker: Any) -> None:
        key = (id(self), tracker.sender_id)
        kept.pop(key, None)
        stored = getattr(tracker, STORED, None)
        await save(self, tracker)
        if stored is None:
            return
        new_events = itertools.islice(tracker.events, stored, None)
        setattr(tracker, STORED, len(tracker.events))
        if not any(isinstance(event, SessionStarted) for event in new_events):
            kept[key] = tracker
            if len(kept) > limit:
                kept.popitem(last=False)

    originals = Originals()
    originals.replace(SQLTrackerStore, "retrieve", kept_retrieve)
    originals.replace(SQLTrackerStore, "save", keeping_save)
    originals.replace(SQLTrackerStore, "_additional_events", events_after_stored(count_stored))
    return originals


def one_rasa_process(environ: Mapping[str, str] = os.environ) -> bool:
    """Several Sanic workers, or a shared lock store, mean other processes write conversations."""
    workers = environ.get("SANIC_WORKERS", "1").strip() or "1"
    return workers == "1" and not environ.get("LIAISON_LOCK_STORE")


def kept_trackers_setting(environ: Mapping[str, str] = os.environ) -> int:
    """LIAISON_KEEP_TRACKERS as a count, or a start-up error that names the variable."""
    raw = environ.get("LIAISON_KEEP_TRACKERS", "").strip()
    if not raw:
        return KEPT_TRACKERS
    try:
        count = int(raw)
    except ValueError:
        count = -1
    if count < 0:
        raise SystemExit(
            f"LIAISON_KEEP_TRACKERS={raw!r}: expected a whole number of conversations "
            f"(default {KEPT_TRACKERS}; 0 turns the keeping off)"
        )
    return count
