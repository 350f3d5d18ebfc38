"""`python -m bot.rasa_server run ...`: `rasa run ...` without six avoidable costs of a turn,
and nothing else changed (tools.stack starts Rasa this way).

Measured with `python -m tools.bench.profile` (docs/bench.md), a turn answered by a custom action
spent, in the Rasa process:
- ~40 % validating the action server's reply: `jsonschema.validate()` re-checks Rasa's (constant)
  response schema against the JSON Schema meta-schema on every call, ~10-20 ms, before the
  validation proper (~0.02-0.3 ms). Here the validator is built and its schema checked once; each
  reply is then validated against the same schema, and an invalid one raises the same
  ValidationError with the same message as before.
- a new aiohttp session, so a new TCP connection, for each call to the action server. Here the
  action endpoint's session is kept and its connections reused (idle ones closed after 2 s, before
  the action server's 5 s keep-alive ends, so a reused connection is never one the server is
  closing).
- opening and closing the SQLite tracker database for every read and write (SQLAlchemy 1.4's
  NullPool for SQLite files). Here connections are kept in a pool, as SQLAlchemy 2 does, and
  the write-ahead log (tools.stack puts the database in WAL mode) is synced at checkpoints rather
  than at every commit (`synchronous=NORMAL`): a turn survives a crash of Rasa; only a power
  cut can lose the last turns written before it.
- finding each stored event's class by walking all subclasses of Event (two thirds of reading a
  tracker). Here each type name's class is remembered.
- reading the conversation back from the database at every turn, and counting its stored events
  before each save. Here the tracker saved at a turn is kept for the next
  (`keep_trackers_between_turns`, LIAISON_KEEP_TRACKERS conversations, 0 to turn it off; off when
  several Rasa processes share the conversations).
- running each of a message's three graph runs (NLU, policies before and after the action)
  through dask's scheduler, with the needed subgraph recomputed each time. Here the nodes are
  called in an order found once per set of targets (1 ms of a 7 ms turn in-process).

They are applied only to the Rasa version they were written against; on any other, Rasa runs
unchanged (and says so in its log).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

PATCHED_RASA_VERSION = "3.6.21"
KEEPALIVE_SECONDS = 2.0  # < Sanic's default KEEP_ALIVE_TIMEOUT (5 s) on the action server

logger = logging.getLogger(__name__)


def cache_action_reply_validator() -> None:
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

    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]


class _KeptSession:
    """`async with endpoint.session() as s` for a session that outlives the block."""

    def __init__(self, session: Any) -> None:
        self._session = session

    async def __aenter__(self) -> Any:
        return self._session

    async def __aexit__(self, *_exc: object) -> None:
        return None


def keep_action_connections() -> None:
    import asyncio

    import aiohttp
    from rasa.core.actions.action import RemoteAction
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

    sessions: dict[tuple[int, int], aiohttp.ClientSession] = {}
    new_session = EndpointConfig.session
    original_run = RemoteAction.run

    def kept_session(self: EndpointConfig) -> Any:
        if not getattr(self, "_liaison_keep_alive", False):
            return new_session(self)
        key = (id(self), id(asyncio.get_running_loop()))
        session = sessions.get(key)
        if session is None or session.closed:
            auth = None
            if self.basic_auth:
                auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
            session = sessions[key] = aiohttp.ClientSession(
                headers=self.headers,
                auth=auth,
                timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
                connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS),
            )
        return _KeptSession(session)

    async def run(self: RemoteAction, *args: Any, **kwargs: Any) -> Any:
        if self.action_endpoint is not None:
            self.action_endpoint._liaison_keep_alive = True  # type: ignore[attr-defined]
        return await original_run(self, *args, **kwargs)

    EndpointConfig.session = kept_session  # type: ignore[method-assign]
    RemoteAction.run = run  # type: ignore[method-assign]


def pool_sqlite_tracker_store() -> None:
    """SQLAlchemy 1.4 opens and closes a new connection for each session on a SQLite file (its
    NullPool default), so each turn opened the tracker database twice, and each close of the
    last connection also checkpointed the write-ahead log. Kept connections, as SQLAlchemy 2
    does by default for SQLite files (a QueuePool; a connection is never used by two threads at
    once)."""
    from rasa.core import tracker_store
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import QueuePool

    engine_kwargs = tracker_store.create_engine_kwargs

    def create_engine_kwargs(url: Any) -> dict[str, Any]:
        kwargs = engine_kwargs(url)
        parsed = make_url(url) if isinstance(url, str) else url
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            kwargs.setdefault("poolclass", QueuePool)
            kwargs.setdefault("connect_args", {}).setdefault("check_same_thread", False)
        return kwargs

    tracker_store.create_engine_kwargs = create_engine_kwargs
    event.listen(Engine, "connect", _sync_wal_at_checkpoints)


def _sync_wal_at_checkpoints(dbapi_connection: Any, _record: Any) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    mode = dbapi_connection.execute("PRAGMA journal_mode").fetchone()[0]
    if str(mode).lower() == "wal":
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")


def cache_event_classes() -> None:
    """Rasa finds an event's class from its type name by walking every subclass of Event, with
    `inspect.isabstract` on each, for every event it deserialises: reading a tracker of 28
    events from the store took 2.3 ms, two thirds of it there. Found classes are remembered;
    a name not found yet (or a default) goes through Rasa's own lookup, as before."""
    from rasa.shared.core.events import Event

    resolve = Event.resolve_by_type
    found: dict[str, type[Event]] = {}

    def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
        cls = found.get(type_name)
        if cls is None:
            cls = resolve(type_name, default)
            if cls is not None and cls is not default:
                found[type_name] = cls
        return cls

    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[method-assign,assignment]


def run_graphs_in_order() -> None:
    """Each message runs Rasa's prediction graph three times (NLU, then policies before and
    after the action), and each run went through dask: the needed subgraph recomputed by an
    unmemoised walk of the schema, a dask graph built, and dask's scheduler with its thread
    queue, all for nodes that run one after another anyway. That was 1.0 ms of a 7 ms turn
    in-process (graph runs 4.5 → 3.5 ms per turn). Here the order of the nodes a set of
    targets needs is found once, and the nodes are called in it with exactly the inputs dask
    gave them: each parent's (name, output), or the parent's bare name when nothing provides
    it (GraphNode then says which input is missing); run inputs replace nodes of the same
    name; a RuntimeError becomes Rasa's GraphRunError."""
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.graph import GraphSchema
    from rasa.engine.runner.dask import DaskGraphRunner

    def execution_order(schema: GraphSchema, targets: tuple[str, ...]) -> list[str]:
        order: list[str] = []
        seen: set[str] = set()

        def visit(name: str) -> None:
            if name in seen or name not in schema.nodes:
                return
            seen.add(name)
            for parent in schema.nodes[name].needs.values():
                visit(parent)
            order.append(name)

        for target in targets:
            visit(target)
        return order

    def run(
        self: DaskGraphRunner,
        inputs: dict[str, Any] | None = None,
        targets: list[str] | None = None,
    ) -> dict[str, Any]:
        run_targets = tuple(targets if targets else self._graph_schema.target_names)
        orders = self.__dict__.setdefault("_liaison_orders", {})
        order = orders.get(run_targets)
        if order is None:
            order = orders[run_targets] = execution_order(self._graph_schema, run_targets)
        outputs: dict[str, Any] = {}
        for name, value in (inputs or {}).items():
            if isinstance(value, str) and value in order:
                raise GraphRunError(
                    f"Input value '{value}' clashes with a node name. Make sure that none of "
                    f"the input names passed to the `run` method are the same as node names "
                    f"in the graph schema."
                )
            outputs[name] = (name, value)
        nodes = self._graph_schema.nodes
        try:
            for name in order:
                if name not in outputs:
                    parents = nodes[name].needs.values()
                    outputs[name] = self._instantiated_nodes[name](
                        *(outputs.get(parent, parent) for parent in parents)
                    )
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error
        return dict(outputs[target] for target in run_targets)

    DaskGraphRunner.run = run  # type: ignore[method-assign]


# Conversations whose tracker stays in memory between turns (the most recent ones; about 75 KB
# each after ten turns). LIAISON_KEEP_TRACKERS overrides it; 0 turns the keeping off.
KEPT_TRACKERS = 1000


def keep_trackers_between_turns(limit: int = KEPT_TRACKERS) -> None:
    """Each turn Rasa read the conversation back from the SQL tracker store (a query, an ORM
    object and a JSON document per event, then every event replayed) and, to save it, counted
    the stored events with another query: a third of a turn's CPU in Rasa. With one Rasa
    process owning its conversations (Rasa's in-memory lock store already assumes it), the
    tracker it saved is the tracker it would read back. So:
    - a saved tracker is kept (the KEPT_TRACKERS most recent conversations) and the next
      retrieve hands it out, once: it leaves the cache until it is saved again, so a turn that
      fails before saving leaves nothing half-done behind, and the next turn reads the database;
    - a tracker read from the database, or handed out, knows how many of its events are stored,
      and its save writes the rest without counting them in the database.
    Every event is still written at every turn, as before. A tracker that starts a new session,
    or one saved by other means (a tracker replaced through the HTTP API, the first turn of a
    conversation), is not kept: the next turn reads it from the database.
    """
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
                tracker._liaison_stored = len(tracker.events)
        return tracker

    async def keeping_save(self: SQLTrackerStore, tracker: Any) -> None:
        key = (id(self), tracker.sender_id)
        kept.pop(key, None)
        stored = getattr(tracker, "_liaison_stored", None)
        await save(self, tracker)
        if stored is None:
            return
        new_events = itertools.islice(tracker.events, stored, None)
        tracker._liaison_stored = len(tracker.events)
        if not any(isinstance(event, SessionStarted) for event in new_events):
            kept[key] = tracker
            if len(kept) > limit:
                kept.popitem(last=False)

    def additional_events(self: SQLTrackerStore, session: Any, tracker: Any) -> Any:
        stored = getattr(tracker, "_liaison_stored", None)
        if stored is None:
            return count_stored(self, session, tracker)
        return itertools.islice(tracker.events, stored, None)

    SQLTrackerStore.retrieve = kept_retrieve  # type: ignore[method-assign]
    SQLTrackerStore.save = keeping_save  # type: ignore[method-assign]
    SQLTrackerStore._additional_events = additional_events  # type: ignore[method-assign]


def one_rasa_process() -> bool:
    """Several Sanic workers, or a shared lock store, mean other processes write conversations."""
    workers = os.environ.get("SANIC_WORKERS", "1").strip() or "1"
    return workers == "1" and not os.environ.get("LIAISON_LOCK_STORE")


def kept_trackers_setting() -> int:
    """LIAISON_KEEP_TRACKERS as a count, or a start-up error that names the variable."""
    raw = os.environ.get("LIAISON_KEEP_TRACKERS", "").strip()
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


def install() -> bool:
    import rasa

    if rasa.__version__ != PATCHED_RASA_VERSION:
        logger.warning(
            "Rasa %s is not %s: action-call speed fixes not applied",
            rasa.__version__,
            PATCHED_RASA_VERSION,
        )
        return False
    cache_action_reply_validator()
    keep_action_connections()
    pool_sqlite_tracker_store()
    cache_event_classes()
    run_graphs_in_order()
    kept_trackers = kept_trackers_setting()
    if one_rasa_process() and kept_trackers > 0:
        keep_trackers_between_turns(kept_trackers)
    return True


def main(argv: list[str] | None = None) -> None:
    install()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *(sys.argv[1:] if argv is None else argv)]
    rasa_main()


if __name__ == "__main__":
    main()
