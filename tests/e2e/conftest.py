"""The real processes, on free ports, over a fresh database.

`stack` is one stack for the whole session, shared by every module that runs on the default
configuration. Each of those modules leaves it as it found it: a knowledge edit is undone, a
stopped service is started again, and every conversation uses its own sender ids. A module
that needs another configuration (connector credentials, a tracker store, the supervisor
itself) starts its own stack.

Every module here starts real processes, so each must be marked `pytestmark = pytest.mark.e2e`
(`-m "not e2e"` skips them all); collection fails on a module that is not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser import browser  # noqa: F401 (a fixture for the browser tests)
from tests.e2e.helpers import ADMIN_TOKEN, load_sample_exercise, stack_config, unmarked_modules
from tools.stack import Stack


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    unmarked = unmarked_modules({getattr(item, "module", None) for item in items} - {None})
    if unmarked:
        raise pytest.UsageError(
            "these end-to-end modules start real processes but lack "
            f"`pytestmark = pytest.mark.e2e`: {', '.join(unmarked)}"
        )


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The default configuration (the sample exercise, an admin token), started once."""
    workdir = tmp_path_factory.mktemp("stack")
    env = {**load_sample_exercise(workdir / "data"), "LIAISON_ADMIN_TOKENS": f"e2e:{ADMIN_TOKEN}"}
    running = Stack(stack_config(workdir, env))
    running.start()
    try:
        yield running
    finally:
        running.stop()
        assert len(running.services) == 4
        for service in running.services.values():
            assert service.process is not None and service.process.poll() is not None
