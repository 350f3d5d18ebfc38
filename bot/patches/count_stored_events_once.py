"""Save a conversation read at this turn without counting its stored events in the database.

HIGH RISK: wraps `SQLTrackerStore.retrieve` and `SQLTrackerStore.save` and replaces the private
`SQLTrackerStore._additional_events`.

Reason: to save a tracker, Rasa 3.6 counts the conversation's events stored since its last
session start (`_additional_events`: a COUNT over a sub-query, one database round trip made on
the event loop) and writes the tracker's events after that count. The tracker a turn saves was
read by that turn's `retrieve()`, with exactly the events that query counts (the same
`_event_query`), so the count is already known: `len(tracker.events)` when it was read. This is
the save half of keep_trackers_between_turns without keeping anything between turns, so it is
correct with several Rasa replicas too: a turn reads and saves its conversation under the
conversation's lock (bot.lock_store.TicketLockStore across replicas, Rasa's in-memory lock in
one process), so no other process writes that conversation in between; Rasa's own count relies
on the same lock (events written by another process meanwhile would be skipped by it as well).
- a tracker read by `retrieve()` remembers how many of its events are stored
  (`_liaison_stored`); its save writes the rest and remembers the new number;
- a tracker that did not come from `retrieve()` (a new conversation, one replaced through the
  HTTP API, `retrieve_full_tracker`) has no number and is counted as before; nor has one whose
  save wrote a SessionStarted (the stored session then starts later than the tracker's events).

Gain: one query per turn fewer for Rasa and PostgreSQL (docs/deploy.md, section 6, measured in
the cluster).

Risk: high. It relies on Rasa private API: `_additional_events(session, tracker)`, which
Rasa 3.6's `save()` calls to choose the events to write, and `retrieve()` returning the events
that `_event_query(..., fetch_events_from_all_sessions=False)` selects. If Rasa changes either,
saves may write events twice or not at all. Applied on Rasa 3.6.21 only; before moving to
another Rasa, re-read `SQLTrackerStore` in `rasa/core/tracker_store.py` and run
tests/bot/patches/test_count_stored_events_once.py and the end-to-end tracker-store tests.
LIAISON_RASA_PATCHES can leave it out.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from bot.patches._originals import Originals

STORED = "_liaison_stored"  # keep_trackers_between_turns sets and reads it too


def apply() -> Originals:
    """Wrap `SQLTrackerStore.retrieve` and `save`, replace `_additional_events`; return what
    they replaced."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.events import SessionStarted

    retrieve, save = SQLTrackerStore.retrieve, SQLTrackerStore.save
    count_stored = SQLTrackerStore._additional_events

    async def counting_retrieve(self: SQLTrackerStore, sender_id: str) -> Any:
        tracker = await retrieve(self, sender_id)
        if tracker is not None:
            setattr(tracker, STORED, len(tracker.events))
        return tracker

    async def remembering_save(self: SQLTrackerStore, tracker: Any) -> None:
        stored = getattr(tracker, STORED, None)
        await save(self, tracker)
        if stored is None:
            return
        written = itertools.islice(tracker.events, stored, None)
        if any(isinstance(event, SessionStarted) for event in written):
            delattr(tracker, STORED)  # counted by Rasa again from now on
        else:
            setattr(tracker, STORED, len(tracker.events))

    originals = Originals()
    originals.replace(SQLTrackerStore, "retrieve", counting_retrieve)
    originals.replace(SQLTrackerStore, "save", remembering_save)
    originals.replace(SQLTrackerStore, "_additional_events", events_after_stored(count_stored))
    return originals


def events_after_stored(count_stored: Callable[..., Any]) -> Callable[..., Any]:
    """`_additional_events` for a tracker that knows how many of its events are stored (STORED):
    the rest of its events, without asking the database; `count_stored` (Rasa's) otherwise.
    keep_trackers_between_turns uses it too."""

    def additional_events(self: Any, session: Any, tracker: Any) -> Any:
        stored = getattr(tracker, STORED, None)
        if stored is None:
            return count_stored(self, session, tracker)
        return itertools.islice(tracker.events, stored, None)

    return additional_events
