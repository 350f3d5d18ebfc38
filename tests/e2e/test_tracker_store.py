"""Conversations survive a restart of the Rasa server, in each tracker store we support."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from bot.nlu.language_id import LanguageIdentifier
from tests.e2e.helpers import load_sample_exercise, stack_config
from tests.postgres import postgres_server
from tests.redis_server import redis_server
from tools.stack import Stack

pytestmark = pytest.mark.e2e
identify = LanguageIdentifier(["ar", "en", "fr"]).identify


@contextmanager
def tracker_store(kind: str) -> Iterator[str | None]:
    if kind == "sqlite":
        yield None  # the default: <data dir>/tracker.db
    elif kind == "postgresql":
        with postgres_server() as url:
            yield url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    else:
        with redis_server() as port:
            yield f"redis://127.0.0.1:{port}/0"


@pytest.fixture(scope="module", params=["sqlite", "postgresql", "redis"])
def stack_with_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Stack, Path]]:
    workdir = tmp_path_factory.mktemp(f"store-{request.param}")
    with tracker_store(request.param) as url:
        env = load_sample_exercise(workdir / "data")
        if url:
            env["LIAISON_TRACKER_STORE"] = url
        with Stack(stack_config(workdir, env)) as running:
            yield running, workdir / "data"


def say(stack: Stack, sender: str, text: str) -> str:
    reply = httpx.post(
        f"{stack.url('rasa')}/webhooks/rest/webhook",
        json={"sender": sender, "message": text},
        timeout=30,
    )
    reply.raise_for_status()
    return " ".join(message.get("text", "") for message in reply.json())


def test_history_and_language_survive_a_rasa_restart(stack_with_store: tuple[Stack, Path]) -> None:
    stack, data_dir = stack_with_store
    sender = "restart-me"
    first = "Bonjour, à quelle heure est le dîner ?"
    assert identify(say(stack, sender, first)) == "fr"

    stack.restart("rasa")

    tracker = httpx.get(stack.rasa_api(f"/conversations/{sender}/tracker"), timeout=10).json()
    assert tracker["slots"]["language"] == "fr"
    assert first in [e.get("text") for e in tracker["events"] if e["event"] == "user"]
    # A message too short to tell its language is answered in the conversation's language.
    assert identify(say(stack, sender, "ok")) == "fr"
    if "LIAISON_TRACKER_STORE" not in stack.config.env:
        assert (data_dir / "tracker.db").stat().st_size > 0
