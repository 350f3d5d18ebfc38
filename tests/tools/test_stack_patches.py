"""tools.stack passes LIAISON_RASA_PATCHES to Rasa, from the environment of `make run` or from
the stack's own settings (the end-to-end tests), and starts Rasa through bot.rasa_server, which
applies the patches it names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tools import stack
from tools.stack import Stack, StackConfig


class Started:
    """What subprocess.Popen was asked to start."""

    def __init__(self, argv: list[str], **kwargs: Any) -> None:
        self.argv = argv
        self.env: dict[str, str] = kwargs["env"]


def rasa_started(monkeypatch: pytest.MonkeyPatch, config: StackConfig) -> Started:
    monkeypatch.setattr(stack.subprocess, "Popen", Started)
    running = Stack(config)
    rasa = running.services["rasa"]
    running._launch(rasa)
    assert isinstance(rasa.process, Started)
    return rasa.process


def test_the_patch_switch_reaches_rasa_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LIAISON_RASA_PATCHES", "none")
    monkeypatch.setenv("LIAISON_KEEP_TRACKERS", "0")
    started = rasa_started(monkeypatch, StackConfig(log_dir=tmp_path))
    assert started.argv[1:4] == ["-m", "bot.rasa_server", "run"]
    assert started.env["LIAISON_RASA_PATCHES"] == "none"
    assert started.env["LIAISON_KEEP_TRACKERS"] == "0"


def test_the_stack_settings_override_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LIAISON_RASA_PATCHES", "none")
    config = StackConfig(log_dir=tmp_path, env={"LIAISON_RASA_PATCHES": "cache_event_classes"})
    assert rasa_started(monkeypatch, config).env["LIAISON_RASA_PATCHES"] == "cache_event_classes"
