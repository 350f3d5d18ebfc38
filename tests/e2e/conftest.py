"""Start the real three processes once per module, on free ports, over a fresh database."""

from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import browser  # noqa: F401 (a fixture for the browser tests)
from tests.packs import SAMPLE_PACK
from tools.stack import Stack, StackConfig

ADMIN_TOKEN = "e2e-admin-token-9876543210"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def load_sample_exercise(data_dir: Path) -> dict[str, str]:
    """Load the sample pack with the real CLI into a fresh data dir; the env that points to it."""
    env = {"LIAISON_DATA_DIR": str(data_dir)}
    liaison = StackConfig.from_environment().lookup_env / "bin" / "liaison"
    load = subprocess.run(
        [str(liaison), "import-pack", str(SAMPLE_PACK)],
        env={**_base_env(), **env},
        capture_output=True,
        text=True,
    )
    assert load.returncode == 0, load.stderr
    return env


def stack_config(workdir: Path, env: dict[str, str]) -> StackConfig:
    """This machine's environments and model, every process on a free port, logs in workdir."""
    defaults = StackConfig.from_environment()
    return StackConfig(
        rasa_env=defaults.rasa_env,
        lookup_env=defaults.lookup_env,
        model=defaults.model,
        rasa_port=free_port(),
        actions_port=free_port(),
        lookup_port=free_port(),
        webchat_port=free_port(),
        log_dir=workdir / "logs",
        env=env,
    )


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    workdir = tmp_path_factory.mktemp("stack")
    env = {**load_sample_exercise(workdir / "data"), "LIAISON_ADMIN_TOKENS": f"e2e:{ADMIN_TOKEN}"}
    running = Stack(stack_config(workdir, env))
    running.start()
    try:
        yield running
    finally:
        running.stop()
        for service in running.services.values():
            assert service.process is not None and service.process.poll() is not None


def _base_env() -> dict[str, str]:

    return {
        k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "LIAISON_DATA"))
    }
