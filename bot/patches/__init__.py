"""Patches of Rasa 3.6 internals, one module each, each with its own switch.

Each module's docstring gives the patch's reason, its measured gain and its risk; `apply()`
applies it and returns what it replaced (`Originals`). `install()` applies the enabled ones, and
only on the Rasa version they were written against (PATCHED_RASA_VERSION): on any other, Rasa
runs unchanged and says so. `undo()` puts back what the applied ones replaced (tests).

Switches, read at start-up by `selected()` (`python -m bot.rasa_server`, which tools.stack runs,
and `python -m bot.train`, which applies the five training patches alone:
train_without_cache_fingerprints, sanitize_keeping_fingerprints, read_nlu_data_once,
train_crf_in_child_process and pack_model_at_gzip_level_6, and with `--skip-validation`
skip_schema_check_of_validated_data):
- LIAISON_RASA_PATCHES: `all` (default), `none`, or a comma-separated list of names from
  PATCHES; an unknown name is a start-up error.
- LIAISON_KEEP_TRACKERS: conversations kept by keep_trackers_between_turns (default 1000);
  0 leaves that patch out.
- keep_trackers_between_turns is also left out when several Rasa processes may write the same
  conversations (SANIC_WORKERS > 1, or a shared lock store in LIAISON_LOCK_STORE).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import ModuleType

from bot.patches import (
    cache_action_reply_validator,
    cache_empty_domain,
    cache_event_classes,
    count_stored_events_once,
    insert_tracker_events_at_once,
    keep_action_connections,
    keep_trackers_between_turns,
    pack_model_at_gzip_level_6,
    pool_sqlite_tracker_store,
    read_nlu_data_once,
    run_graphs_in_order,
    sanitize_keeping_fingerprints,
    save_events_without_session,
    send_latest_turn_to_actions,
    send_request_in_one_write,
    share_prior_states,
    skip_schema_check_of_validated_data,
    skip_unlogged_state_copies,
    train_crf_in_child_process,
    train_without_cache_fingerprints,
)
from bot.patches._originals import Originals

PATCHED_RASA_VERSION = "3.6.21"
VARIABLE = "LIAISON_RASA_PATCHES"
LOW, MEDIUM, HIGH = "low", "medium", "high"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Patch:
    """A patch module and how much it relies on Rasa internals (its docstring says why)."""

    module: ModuleType
    risk: str

    @property
    def name(self) -> str:
        return self.module.__name__.rpartition(".")[2]


# In the order they are applied.
PATCHES: dict[str, Patch] = {
    patch.name: patch
    for patch in (
        Patch(cache_action_reply_validator, LOW),
        Patch(keep_action_connections, LOW),
        Patch(send_latest_turn_to_actions, LOW),
        Patch(send_request_in_one_write, LOW),
        Patch(pool_sqlite_tracker_store, LOW),
        Patch(cache_event_classes, LOW),
        Patch(cache_empty_domain, LOW),
        # Re-implements one loop of Rasa's (Domain.states_for_tracker_history): its docstring.
        Patch(share_prior_states, MEDIUM),
        Patch(skip_unlogged_state_copies, LOW),
        # Training only (`python -m bot.train`); in a server it has nothing to act on.
        Patch(train_without_cache_fingerprints, LOW),
        # Training only too: reading the training data (TrainingData's clean-up).
        Patch(sanitize_keeping_fingerprints, LOW),
        # Training only too: the importer chain asked for two language codes.
        Patch(read_nlu_data_once, LOW),
        # Training only too: `rasa train`'s graph runner (not the prediction graphs').
        Patch(train_crf_in_child_process, MEDIUM),
        # Training only too: the gzip level of the model archive `rasa train` writes.
        Patch(pack_model_at_gzip_level_6, LOW),
        # Training (`bot.train --skip-validation`: `rasa data validate` did the check); in a
        # server it skips only the check of the domain Rasa wrote into the model.
        Patch(skip_schema_check_of_validated_data, LOW),
        # Before count_stored_events_once and keep_trackers_between_turns, which wrap its save.
        Patch(insert_tracker_events_at_once, MEDIUM),
        # After insert_tracker_events_at_once (its rows), before the two that wrap the save.
        Patch(save_events_without_session, MEDIUM),
        Patch(run_graphs_in_order, HIGH),
        # Before keep_trackers_between_turns, which then wraps it (both set `_liaison_stored`).
        Patch(count_stored_events_once, HIGH),
        Patch(keep_trackers_between_turns, HIGH),
    )
}

_applied: dict[str, Originals] = {}


def selected(environ: Mapping[str, str] = os.environ) -> list[str]:
    """The patches the switches enable, in PATCHES order; a start-up error (SystemExit naming
    the variable) for an unknown name or a bad LIAISON_KEEP_TRACKERS."""
    raw = environ.get(VARIABLE, "").strip()
    if raw.lower() in ("", "all"):
        names = list(PATCHES)
    elif raw.lower() == "none":
        names = []
    else:
        wanted = {name.strip() for name in raw.split(",") if name.strip()}
        unknown = sorted(wanted - PATCHES.keys())
        if unknown:
            raise SystemExit(
                f"{VARIABLE}={raw!r}: unknown patch {', '.join(unknown)}; expected all, none or "
                f"a comma-separated list of: {', '.join(PATCHES)}"
            )
        names = [name for name in PATCHES if name in wanted]
    keeping = keep_trackers_between_turns.kept_trackers_setting(environ) > 0
    if "keep_trackers_between_turns" in names and not (
        keeping and keep_trackers_between_turns.one_rasa_process(environ)
    ):
        names.remove("keep_trackers_between_turns")
        logger.info(
            "keep_trackers_between_turns left out: %s",
            "LIAISON_KEEP_TRACKERS=0"
            if not keeping
            else "several Rasa processes may write conversations (SANIC_WORKERS, "
            "LIAISON_LOCK_STORE)",
        )
    return names


def install(
    enabled: Iterable[str], kept_trackers: int = keep_trackers_between_turns.KEPT_TRACKERS
) -> list[str]:
    """Apply the enabled patches on Rasa PATCHED_RASA_VERSION (none on another version); log and
    return the names applied."""
    import rasa

    wanted = set(enabled)
    names = [name for name in PATCHES if name in wanted]
    unknown = wanted - PATCHES.keys()
    if unknown:
        raise ValueError(f"unknown Rasa patch(es): {', '.join(sorted(unknown))}")
    if rasa.__version__ != PATCHED_RASA_VERSION:
        logger.warning(
            "Rasa %s is not %s: no Rasa patch applied (bot/patches)",
            rasa.__version__,
            PATCHED_RASA_VERSION,
        )
        return []
    for name in names:
        apply(name, **({"limit": kept_trackers} if name == "keep_trackers_between_turns" else {}))
    left_out = [name for name in PATCHES if name not in names]
    logger.info(
        "Rasa patches applied: %s; left out: %s (%s)",
        ", ".join(names) or "none",
        ", ".join(left_out) or "none",
        VARIABLE,
    )
    return names


def install_from_environment(environ: Mapping[str, str] = os.environ) -> list[str]:
    """`install` what the switches in `environ` enable."""
    enabled = selected(environ)
    return install(enabled, keep_trackers_between_turns.kept_trackers_setting(environ))


def apply(name: str, **options: int) -> Originals:
    """Apply one patch (whatever the switches say; once, a second call returns the first's
    record) and return what it replaced."""
    if name not in _applied:
        _applied[name] = PATCHES[name].module.apply(**options)
    return _applied[name]


def applied() -> list[str]:
    """The patches applied and not undone, in the order they were applied."""
    return list(_applied)


def undo(names: Iterable[str] | None = None) -> None:
    """Put back what the named patches (all applied ones by default) replaced, last applied
    first."""
    chosen = set(_applied if names is None else names)
    for name in reversed(list(_applied)):
        if name in chosen:
            _applied.pop(name).restore()
