"""bot.patches: each patch has its own switch (LIAISON_RASA_PATCHES, LIAISON_KEEP_TRACKERS), a
patch left out leaves Rasa's functions as they are, a bad switch stops the start, and every
patch can be put back from the registry."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import patches
from bot.patches._originals import Originals

ROOT = Path(__file__).resolve().parents[3]
ALL = list(patches.PATCHES)
SHARED_TARGETS = [
    "SQLTrackerStore.retrieve",
    "SQLTrackerStore.save",
    "SQLTrackerStore._additional_events",
]


@pytest.fixture()
def records() -> Iterator[dict[str, Originals]]:
    """What each patch replaces, learnt by applying it alone and putting it back."""
    assert not patches.applied()
    found = {}
    for name in ALL:
        found[name] = patches.apply(name)
        assert not found[name].in_place()
        patches.undo([name])
        assert found[name].in_place()
    yield found
    patches.undo()
    assert all(record.in_place() for record in found.values())


def test_the_registry_lists_every_patch_module_with_its_risk() -> None:
    modules = sorted(
        path.stem
        for path in (ROOT / "bot" / "patches").glob("*.py")
        if not path.stem.startswith("_")
    )
    assert sorted(ALL) == modules
    assert {name: patch.risk for name, patch in patches.PATCHES.items() if patch.risk != "low"} == {
        "insert_tracker_events_at_once": "medium",
        "save_events_without_session": "medium",
        "share_prior_states": "medium",
        "train_crf_in_child_process": "medium",
        "run_graphs_in_order": "high",
        "count_stored_events_once": "high",
        "keep_trackers_between_turns": "high",
    }
    for patch in patches.PATCHES.values():
        doc = patch.module.__doc__ or ""
        assert "Reason:" in doc and "Gain" in doc and "Risk:" in doc, patch.name


@pytest.mark.parametrize("left_out", ALL)
def test_a_patch_left_out_leaves_rasa_untouched(
    left_out: str, records: dict[str, Originals]
) -> None:
    others = [name for name in ALL if name != left_out]
    assert patches.install_from_environment({"LIAISON_RASA_PATCHES": ",".join(others)}) == others
    # What another applied patch also replaces (count_stored_events_once and
    # keep_trackers_between_turns share three SQLTrackerStore functions) is that patch's.
    shared = set(records[left_out].targets()) & {
        target for name in others for target in records[name].targets()
    }
    assert shared <= set(SHARED_TARGETS), shared
    assert records[left_out].in_place(ignoring=shared), (
        f"{left_out} changed {records[left_out].targets()}"
    )
    for name in others:
        assert not records[name].in_place(), f"{name} not applied"


def test_none_leaves_every_function_untouched(records: dict[str, Originals]) -> None:
    assert patches.install_from_environment({"LIAISON_RASA_PATCHES": " none "}) == []
    assert all(record.in_place() for record in records.values())


def test_all_is_the_default_and_a_list_keeps_the_registry_order() -> None:
    assert patches.selected({}) == ALL
    assert patches.selected({"LIAISON_RASA_PATCHES": "all"}) == ALL
    chosen = {"LIAISON_RASA_PATCHES": " run_graphs_in_order, cache_event_classes ,"}
    assert patches.selected(chosen) == ["cache_event_classes", "run_graphs_in_order"]


def test_an_unknown_name_stops_the_start_naming_the_variable(
    records: dict[str, Originals],
) -> None:
    with pytest.raises(SystemExit, match="LIAISON_RASA_PATCHES") as stop:
        patches.install_from_environment(
            {"LIAISON_RASA_PATCHES": "cache_event_classes,keep_trackers"}
        )
    assert "unknown patch keep_trackers" in str(stop.value)
    assert "keep_trackers_between_turns" in str(stop.value)  # the names it knows
    assert all(record.in_place() for record in records.values())
    with pytest.raises(ValueError, match="no_such_patch"):
        patches.install(["no_such_patch"])
    with pytest.raises(ValueError, match="no_such_patch"):  # any iterable, read once
        patches.install(name for name in ["cache_event_classes", "no_such_patch"])


@pytest.mark.parametrize(
    "environ",
    [
        {"LIAISON_KEEP_TRACKERS": "0"},
        {"SANIC_WORKERS": "2"},
        {"LIAISON_LOCK_STORE": "redis://localhost:6379"},
        {"LIAISON_RASA_PATCHES": "keep_trackers_between_turns", "SANIC_WORKERS": "4"},
    ],
)
def test_trackers_are_not_kept_when_switched_off_or_shared(
    environ: dict[str, str], records: dict[str, Originals]
) -> None:
    applied = patches.install_from_environment(environ)
    assert "keep_trackers_between_turns" not in applied
    assert records["keep_trackers_between_turns"].in_place(
        ignoring=set(SHARED_TARGETS) if "count_stored_events_once" in applied else set()
    )
    # With several writers the save still skips the count (correct under the conversation lock).
    if environ.get("LIAISON_LOCK_STORE"):
        assert "count_stored_events_once" in applied


def test_the_kept_tracker_count_reaches_the_patch(
    monkeypatch: pytest.MonkeyPatch, records: dict[str, Originals]
) -> None:
    module = patches.PATCHES["keep_trackers_between_turns"].module
    limits: list[int] = []

    def apply(limit: int) -> Originals:
        limits.append(limit)
        return real_apply(limit=limit)

    real_apply = module.apply
    monkeypatch.setattr(module, "apply", apply)
    patches.install_from_environment(
        {"LIAISON_RASA_PATCHES": "keep_trackers_between_turns", "LIAISON_KEEP_TRACKERS": "7"}
    )
    assert limits == [7]
    assert not records["keep_trackers_between_turns"].in_place()


def test_another_rasa_version_gets_no_patch(
    monkeypatch: pytest.MonkeyPatch,
    records: dict[str, Originals],
    caplog: pytest.LogCaptureFixture,
) -> None:
    import rasa

    monkeypatch.setattr(rasa, "__version__", "3.6.20")
    with caplog.at_level(logging.WARNING, logger="bot.patches"):
        assert patches.install(ALL) == []
    assert "Rasa 3.6.20 is not 3.6.21" in caplog.text
    assert all(record.in_place() for record in records.values())


def test_the_applied_patches_are_logged(
    records: dict[str, Originals], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.patches"):
        patches.install_from_environment({"LIAISON_RASA_PATCHES": "cache_event_classes"})
    assert "Rasa patches applied: cache_event_classes; left out: " in caplog.text


def test_undo_puts_back_every_original(records: dict[str, Originals]) -> None:
    assert patches.install(ALL) == ALL
    assert patches.applied() == ALL
    assert not any(record.in_place() for record in records.values())
    patches.undo()
    assert patches.applied() == []
    assert all(record.in_place() for record in records.values())


def test_rasa_server_refuses_to_start_with_an_unknown_patch() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.rasa_server", "run", "--help"],
        cwd=ROOT,
        env={**os.environ, "LIAISON_RASA_PATCHES": "cache_event_classes,no_such_patch"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert (
        "LIAISON_RASA_PATCHES='cache_event_classes,no_such_patch': unknown patch no_such_patch"
        in (result.stderr)
    )
