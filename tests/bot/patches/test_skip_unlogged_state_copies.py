"""bot.patches.skip_unlogged_state_copies: the policies' debug lines are copied and logged as
Rasa's own when debug lines are logged; when they are not, the copy is skipped and the small
trained assistant of test_run_graphs_in_order answers and records the same."""

from __future__ import annotations

import ast
import importlib
import inspect
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
        e
        for e in capture.entries
        if str(e.get("event", "")).startswith(("rule_policy", "memo", "processor"))
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


@pytest.mark.parametrize("name", patch.MODULES)
def test_each_copy_of_the_module_serves_a_debug_line(name: str) -> None:
    """The patch's premise: in these modules `copy.` is only an argument of a debug line (a
    Rasa version using it for anything else fails here)."""
    tree = ast.parse(inspect.getsource(importlib.import_module(name)))
    in_debug: set[int] = set()
    for node in ast.walk(tree):
        func = getattr(node, "func", None)
        if (
            isinstance(node, ast.Call)
            and isinstance(func, ast.Attribute)
            and func.attr == "debug"
            and isinstance(func.value, ast.Name)
            and func.value.id == "structlogger"
        ):
            in_debug.update(id(inner) for inner in ast.walk(node))
    uses = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "copy"
    ]
    assert uses, name
    assert all(id(use) in in_debug and use.attr == "deepcopy" for use in uses), [
        (use.lineno, use.attr) for use in uses if id(use) not in in_debug
    ]
