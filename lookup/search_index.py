"""The searched texts of an exercise, folded once per knowledge version instead of once per query.

Why: lookup/search.py reads every text of the searched kinds and folds it into words for each
query; on the sample exercise (~790 texts) that was ~70 % of a query's ~60 ms of CPU. A read
cache hit (lookup/read_cache.py) never gets here, but a visitor's own words are a new query
almost every time, and the action server searches the message at every topic answer
(actions/answer_found.py), so an uncached search is part of most real turns.

What is kept, per engine, exercise and kinds asked: the rows (kind, item id, is it a name, its
words), the vocabulary and what each query word asked so far matches in it, under the knowledge
version (lookup/store/knowledge_version.py) read in the query's own transaction, or the one
the read cache's check found for this request, read after it arrived (`CHECKED_VERSION`); every
write of an exercise, an item or a text bumps it, so an entry is used only while nothing it was
made from has changed, in any process. The rows are shared between queries: search.py only reads
them. A database without the version's table (an older schema, migration tests) is searched as
before, uncached.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from typing import Any

from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session

from lookup.store.models import KnowledgeVersion

Key = tuple[str, tuple[str, ...] | None]
# Exercises x kind lists asked (the action server asks a few); the least recently used go.
MAX_ENTRIES = 64
# Query words whose matches an entry remembers (lookup/search.py `_matches_known`): a few MB.
MAX_WORDS = 20_000

_entries: weakref.WeakKeyDictionary[Engine, OrderedDict[Key, tuple[int, Any]]] = (
    weakref.WeakKeyDictionary()
)
_has_table: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()
_lock = threading.Lock()  # routes run in worker threads


def _key(exercise_id: str, kinds: list[str] | None) -> Key:
    return exercise_id, tuple(kinds) if kinds else None


# `session.info` key: the knowledge version the read cache's check found for this request
# (lookup/api/deps.py get_session), read after the request arrived; the routes' search then
# uses it instead of reading the version again.
CHECKED_VERSION = "liaison.checked_version"


def version_of(session: Session) -> int | None:
    """The knowledge version in the session's transaction (or the read cache's check of it for
    this request); None without the table."""
    checked = session.info.get(CHECKED_VERSION)
    if checked is not None:
        return int(checked)
    connection = session.connection()
    engine = connection.engine
    if engine not in _has_table:
        _has_table[engine] = inspect(connection).has_table(KnowledgeVersion.__tablename__)
    if not _has_table[engine]:
        return None
    value = session.execute(
        select(KnowledgeVersion.version).where(KnowledgeVersion.id == 1)
    ).scalar_one_or_none()
    return None if value is None else int(value)


def cached(session: Session, exercise_id: str, kinds: list[str] | None) -> tuple[int | None, Any]:
    """(the current version, what `keep` stored under it or None)."""
    version = version_of(session)
    if version is None:
        return None, None
    engine = session.connection().engine
    with _lock:
        entries = _entries.get(engine)
        entry = entries.get(_key(exercise_id, kinds)) if entries is not None else None
        if entry is not None and entry[0] == version:
            entries.move_to_end(_key(exercise_id, kinds))  # type: ignore[union-attr]
            return version, entry[1]
    return version, None


def keep(
    session: Session, exercise_id: str, kinds: list[str] | None, version: int | None, value: Any
) -> None:
    """Store what was read after `version` was (so at least that new) under it."""
    if version is None:
        return
    engine = session.connection().engine
    with _lock:
        entries = _entries.setdefault(engine, OrderedDict())
        entries[_key(exercise_id, kinds)] = (version, value)
        entries.move_to_end(_key(exercise_id, kinds))
        while len(entries) > MAX_ENTRIES:
            entries.popitem(last=False)
