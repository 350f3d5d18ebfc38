"""Write a known tracker's new events through one Core connection, not an ORM session.

Reason: with insert_tracker_events_at_once, a save is one INSERT of the new events' rows; but
it still opens an ORM `Session` (`session_scope()`), runs the INSERT through the session's
`execute` (its bind lookup, the statement's ORM coercion and cache key, the construct built
anew each save) and commits the session (its snapshot and state clean-up). A tracker read at
this turn (count_stored_events_once, keep_trackers_between_turns: `_liaison_stored`) needs no
query to know which events are new, so nothing in that save needs a session: here the same
rows, built by the same code, go in by `engine.begin()` (one transaction, committed at the
block's end, rolled back on error as the session's was) with the INSERT construct built once
per store. A tracker without that number (a new conversation, one after a new session, one
set through the HTTP API), an empty save and a PostgreSQL schema named in POSTGRESQL_SCHEMA
(whose existence Rasa's `session_scope()` checks at every save) take the save as before.

Gain: in one process, a save of 4 new events on a pooled SQLite file 1.49-1.67 -> 1.05-1.33 ms
of CPU (three alternating rounds of 500 saves, load 10-15): about 0.3 ms a turn (docs/deploy.md,
issue 22, sixteenth round).

Risk: medium. It wraps the public `SQLTrackerStore.save` and reads the store's `SQLEvent`
model, `engine`, `stream_events()` and the `_liaison_stored` number the two patches above set
(the events after it are those a save writes: their docstrings). Applied after
insert_tracker_events_at_once (whose row-building it shares) and before the two that wrap the
save. tests/bot/patches/test_save_events_without_session.py compares the rows and the
conversations read back with Rasa's own save, through two stores on one database.
LIAISON_RASA_PATCHES can leave it out.
"""

from __future__ import annotations

import itertools
import logging
import os
from typing import Any

from bot.patches._originals import Originals
from bot.patches.count_stored_events_once import STORED
from bot.patches.insert_tracker_events_at_once import event_rows

logger = logging.getLogger(__name__)

_INSERT = "_liaison_insert_events"


def apply() -> Originals:
    """Wrap `SQLTrackerStore.save`; return what it replaced."""
    import sqlalchemy as sa
    from rasa.core.tracker_store import POSTGRESQL_SCHEMA, SQLTrackerStore

    save = SQLTrackerStore.save

    async def direct_save(self: SQLTrackerStore, tracker: Any) -> None:
        stored = getattr(tracker, STORED, None)
        if stored is None or os.environ.get(POSTGRESQL_SCHEMA):
            await save(self, tracker)
            return
        await self.stream_events(tracker)
        rows = event_rows(tracker, itertools.islice(tracker.events, stored, None))
        if rows:
            insert = self.__dict__.get(_INSERT)
            if insert is None:
                insert = sa.insert(self.SQLEvent.__table__)
                setattr(self, _INSERT, insert)
            with self.engine.begin() as connection:
                connection.execute(insert, rows)
        logger.debug(f"Tracker with sender_id '{tracker.sender_id}' stored to database")

    originals = Originals()
    originals.replace(SQLTrackerStore, "save", direct_save)
    return originals
