"""bot.patches.skip_unlogged_state_copies: the policies' debug lines are copied and logged as
Rasa's own when debug lines are logged; when they are not, the copy is skipped and the small
trained assistant of test_run_graphs_in_order answers and records the same."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import structlog

from bot.patches import skip_unlogged_state_copies as patch
from bot.patches._originals import Originals
from tests.bot.patches import test_run_graphs_in_order as graph_order

# The small trained assistant of test_run_graphs_in_order (trained once for this module too).
tiny_model = graph_order.tiny_model

STATES = [{"user": {"intent": "greet"}, "prev_action": {"action_name": "action_listen"}}]


@pytest.fixture()
def structlog_at(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[int], None]]:
    """`structlog_at(level)`: structlog filters below `level` (as rasa's configure_structlog
    does), and the policy modules' loggers follow it (fresh lazy loggers); put back after."""
    kept = structlog.get_config()

    def at(level: int) -> None:
        structlog.configure(
            wrapper_class=structlog.make_filtering_bound_logger(level),
            processors=[structlog.testing.LogCapture()],
            cache_logger_on_first_use=False,
        )
        for name in patch.MODULES:
            monkeypatch.setattr(
                importlib.import_module(name), "structlogger", structlog.get_logger()
            )

    yield at
    structlog.configure(**kept)


def _copies(name: str) -> Any:
    return importlib.import_module(name).copy


@pytest.mark.parametrize("name", patch.MODULES)
def test_copied_only_for_a_logged_line(
    apply_patch: Callable[..., Originals], structlog_at: Callable[[int], None], name: str
) -> None:
    apply_patch("skip_unlogged_state_copies")
    structlog_at(logging.INFO)
    assert _copies(name).deepcopy(STATES) is STATES
    structlog_at(logging.DEBUG)
    copied = _copies(name).deepcopy(STATES)
    assert copied == STATES and copied is not STATES and copied[0]["user"] is not STATES[0]["user"]
    # The rest of the module `copy` is the module's.
    assert _copies(name).copy is __import__("copy").copy


def _conversation_and_log(model: str) -> tuple[Any, list[Any]]:
    capture = structlog.testing.LogCapture()
    structlog.configure(
        wrapper_class=structlog.get_config()["wrapper_class"],
        processors=[capture],
        cache_logger_on_first_use=False,
    )
    seen = graph_order.conversation(model)
    lines = [
        e for e in capture.entries if str(e.get("event", "")).startswith(("rule_policy", "memo"))
    ]
    return seen, lines


@pytest.mark.parametrize("level", [logging.INFO, logging.DEBUG])
def test_a_trained_assistant_answers_logs_and_records_the_same(
    tiny_model: str,
    apply_patch: Callable[..., Originals],
    structlog_at: Callable[[int], None],
    level: int,
) -> None:
    structlog_at(level)
    expected = _conversation_and_log(tiny_model)
    apply_patch("skip_unlogged_state_copies")
    assert _conversation_and_log(tiny_model) == expected
    assert len(expected[0][0]) == 5
    # At DEBUG the policies' lines are there, states included; at INFO there are none.
    assert bool(expected[1]) == (level == logging.DEBUG)
