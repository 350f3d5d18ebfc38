"""bot.patches.keep_trackers_between_turns: the same conversation, fewer reads; and its own
switches (LIAISON_KEEP_TRACKERS, one Rasa process)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.patches import keep_trackers_between_turns
from bot.patches._originals import Originals

DOMAIN = Domain.from_dict({"slots": {"language": {"type": "any", "mappings": []}}})


@pytest.fixture()
def patched(apply_patch: Callable[..., Originals]) -> None:
    apply_patch("keep_trackers_between_turns")


def turn(tracker: DialogueStateTracker, text: str) -> None:
    tracker.update(UserUttered(text, {"name": "greet", "confidence": 1.0}))
    tracker.update(SlotSet("language", "en"))
    tracker.update(BotUttered(f"answer to {text}"))
    tracker.update(ActionExecuted("action_listen"))


async def retrieved(store: SQLTrackerStore, sender_id: str) -> DialogueStateTracker:
    """`store.retrieve`, for a conversation that is there."""
    tracker = await store.retrieve(sender_id)
    assert tracker is not None
    return tracker


def stored_events(path: Any) -> list[str]:
    """The conversation as a store that has kept nothing reads it from the database."""
    fresh = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(path))
    tracker = asyncio.run(fresh.retrieve_full_tracker("visitor"))
    fresh.engine.dispose()
    assert tracker is not None
    return [f"{e.type_name} {getattr(e, 'text', '')}".strip() for e in tracker.events]


def test_a_saved_tracker_is_handed_out_once_and_every_event_is_stored(
    patched: None, tmp_path: Any
) -> None:
    async def scenario() -> None:
        store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"))
        first = await store.get_or_create_tracker("visitor")  # new: saved the usual way
        turn(first, "one")
        await store.save(first)
        second = await retrieved(store, "visitor")  # not kept after a first turn: the database
        assert second is not first
        for text in ("two", "three", "four"):
            turn(second, text)
            await store.save(second)
            kept = await store.retrieve("visitor")
            assert kept is second  # the saved tracker itself...
            assert await store.retrieve("visitor") is not second  # ...handed out once
        store.engine.dispose()

    asyncio.run(scenario())
    expected = ["action"]  # the new tracker's action_listen
    for text in ("one", "two", "three", "four"):
        expected += [f"user {text}", "slot", f"bot answer to {text}", "action"]
    assert stored_events(tmp_path / "t.db") == expected


def test_a_turn_that_fails_before_saving_leaves_nothing_behind(
    patched: None, tmp_path: Any
) -> None:
    async def scenario() -> list[str]:
        store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"))
        tracker = await store.get_or_create_tracker("visitor")
        turn(tracker, "one")
        await store.save(tracker)
        tracker = await retrieved(store, "visitor")
        turn(tracker, "two")
        await store.save(tracker)  # kept
        failing = await retrieved(store, "visitor")
        turn(failing, "lost")  # ... and the turn fails: no save
        again = await retrieved(store, "visitor")
        store.engine.dispose()
        return [str(e.text) for e in again.events if isinstance(e, BotUttered)]

    assert asyncio.run(scenario()) == ["answer to one", "answer to two"]


def test_a_new_session_is_read_back_from_the_database(patched: None, tmp_path: Any) -> None:
    async def scenario() -> None:
        store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"))
        tracker = await store.get_or_create_tracker("visitor")
        turn(tracker, "one")
        await store.save(tracker)
        tracker = await retrieved(store, "visitor")
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
        turn(tracker, "two")
        await store.save(tracker)
        latest = await retrieved(store, "visitor")
        assert latest is not tracker  # not kept: the database has only the new session
        assert [e.text for e in latest.events if isinstance(e, BotUttered)] == ["answer to two"]
        store.engine.dispose()

    asyncio.run(scenario())


def test_only_the_most_recent_conversations_are_kept(
    apply_patch: Callable[..., Originals], tmp_path: Any
) -> None:
    apply_patch("keep_trackers_between_turns", limit=1)

    async def scenario() -> None:
        store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"))
        trackers = {}
        for sender in ("a", "b"):
            new = await store.get_or_create_tracker(sender)
            turn(new, "one")
            await store.save(new)
            trackers[sender] = await retrieved(store, sender)
        for sender in ("a", "b"):
            turn(trackers[sender], "two")
            await store.save(trackers[sender])
        assert await store.retrieve("a") is not trackers["a"]  # pushed out by b
        assert await store.retrieve("b") is trackers["b"]
        store.engine.dispose()

    asyncio.run(scenario())


def test_trackers_are_not_kept_when_several_rasa_processes_share_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert keep_trackers_between_turns.one_rasa_process()
    monkeypatch.setenv("SANIC_WORKERS", "2")
    assert not keep_trackers_between_turns.one_rasa_process()
    monkeypatch.setenv("SANIC_WORKERS", "1")
    monkeypatch.setenv("LIAISON_LOCK_STORE", "redis://localhost:6379")
    assert not keep_trackers_between_turns.one_rasa_process()


def test_the_kept_tracker_count_is_read_or_refused_by_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    setting = keep_trackers_between_turns.kept_trackers_setting
    monkeypatch.delenv("LIAISON_KEEP_TRACKERS", raising=False)
    assert setting() == keep_trackers_between_turns.KEPT_TRACKERS
    monkeypatch.setenv("LIAISON_KEEP_TRACKERS", " 0 ")
    assert setting() == 0
    monkeypatch.setenv("LIAISON_KEEP_TRACKERS", "250")
    assert setting() == 250
    for bad in ("lots", "-5", "1.5"):
        monkeypatch.setenv("LIAISON_KEEP_TRACKERS", bad)
        with pytest.raises(SystemExit, match="LIAISON_KEEP_TRACKERS"):
            setting()
