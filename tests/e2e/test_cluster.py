"""`make cluster` for real (tools.cluster): 2 Rasa, 2 action servers, 2 lookup services behind
HAProxy, PostgreSQL and Redis, all on free ports. A conversation's messages arriving at both Rasa
replicas at once are processed one at a time and each exactly once; a web-chat visitor on one
replica (a python-socketio client, and the web chat page in Chromium through HAProxy) gets an
officer's message sent through the other; a conversation continues, with its
history and language, when a Rasa replica is killed outright; killing a lookup service and an
action server costs no answer. One cluster for the module: the tests run in this order, and the
later ones run on what the earlier ones left (one Rasa replica, then one of each)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import shutil
import socket
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import socketio
from playwright.sync_api import Browser

from bot.nlu.language_id import LanguageIdentifier
from common.intents import MESSAGE_ENTITY, MESSAGE_INTENT
from tests.redis_server import free_port
from tools.cluster import REPLICATED, Cluster, ClusterConfig
from tools.stack import StackConfig

pytestmark = pytest.mark.e2e
identify = LanguageIdentifier(["ar", "en", "fr"]).identify


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    workdir = tmp_path_factory.mktemp("cluster")
    # PostgreSQL runs as `postgres` when the tests run as root: its folder must be reachable.
    state_dir = Path(tempfile.mkdtemp(prefix="liaison-cluster-"))
    state_dir.chmod(0o755)
    defaults = StackConfig.from_environment()
    public = StackConfig(
        rasa_env=defaults.rasa_env,
        lookup_env=defaults.lookup_env,
        model=defaults.model,
        rasa_port=free_port(),
        actions_port=free_port(),
        lookup_port=free_port(),
        webchat_port=free_port(),
        log_dir=workdir / "logs",
        env={
            "LIAISON_DATA_DIR": str(workdir / "data"),
            "LIAISON_ADMIN_TOKENS": "e2e:e2e-cluster-admin-token-2468",
        },
    )
    config = ClusterConfig(
        stack=public,
        postgres_port=free_port(),
        redis_port=free_port(),
        state_dir=state_dir,
        replica_ports={name: [free_port(), free_port()] for name in REPLICATED},
    )
    running = Cluster(config)
    try:
        running.start()
        yield running
    finally:
        running.stop()
        shutil.rmtree(state_dir, ignore_errors=True)


def say(url: str, sender: str, text: str) -> list[dict[str, Any]]:
    reply = httpx.post(
        f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60
    )
    reply.raise_for_status()
    return list(reply.json())


def text_of(messages: list[dict[str, Any]]) -> str:
    return " ".join(message.get("text", "") for message in messages)


def tracker(cluster: Cluster, sender: str) -> dict[str, Any]:
    answer = httpx.get(cluster.rasa_api(f"/conversations/{sender}/tracker"), timeout=30)
    answer.raise_for_status()
    return dict(answer.json())


def turns(events: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """Each user message with the number of bot messages that follow it before the next one."""
    result: list[tuple[str, int]] = []
    for event in events:
        if event["event"] == "user":
            result.append((event.get("text") or "", 0))
        elif event["event"] == "bot" and result:
            text, count = result[-1]
            result[-1] = (text, count + 1)
    return result


def test_a_conversations_messages_at_two_replicas_at_once_are_taken_one_at_a_time(
    cluster: Cluster,
) -> None:
    sender = "cluster-concurrent"
    replicas = [cluster.url("rasa-1"), cluster.url("rasa-2")]
    questions = [f"When is lunch? ({n})" for n in range(8)]
    assert text_of(say(replicas[0], sender, "Hello")).strip()

    with concurrent.futures.ThreadPoolExecutor(len(questions)) as pool:
        replies = list(
            pool.map(lambda n: say(replicas[n % 2], sender, questions[n]), range(len(questions)))
        )

    assert all(text_of(reply).strip() for reply in replies)
    history = turns(tracker(cluster, sender)["events"])
    asked = [text for text, _ in history]
    # every message once, and each answered before the next was taken (none interleaved)
    assert sorted(asked) == sorted(["Hello", *questions])
    unanswered = [text for text, answers in history if answers < 1]
    assert unanswered == [], f"taken before their answer was given: {history}"


async def officer_message_across_replicas(cluster: Cluster, text: str) -> list[str]:
    """A web-chat visitor connected to rasa-1 says hello; an officer's message for them goes
    through rasa-2's API (as the lookup service sends it); what the visitor's socket received."""
    received: list[str] = []
    confirmed: asyncio.Future[str] = asyncio.get_running_loop().create_future()
    client = socketio.AsyncClient(reconnection=False)

    @client.on("session_confirm")
    async def on_confirm(session_id: str) -> None:
        confirmed.set_result(session_id)

    @client.on("bot_uttered")
    async def on_bot(message: dict[str, Any]) -> None:
        received.append(str(message.get("text", "")))

    # Long-polling: python-engineio's asyncio websocket client needs a newer aiohttp than Rasa's.
    await client.connect(cluster.url("rasa-1"), transports=["polling"])
    try:
        await client.emit("session_request", {})
        session = await asyncio.wait_for(confirmed, timeout=30)
        await client.emit("user_uttered", {"message": "Hello", "session_id": session})
        for _ in range(300):
            if received:
                break
            await asyncio.sleep(0.1)
        assert received, "no greeting from rasa-1"
        async with httpx.AsyncClient() as http:
            sent = await http.post(
                f"{cluster.url('rasa-2')}/conversations/{session}/trigger_intent",
                params={"output_channel": "socketio", "token": cluster.config.rasa_token},
                json={"name": MESSAGE_INTENT, "entities": {MESSAGE_ENTITY: text}},
                timeout=60,
            )
            assert sent.status_code == 200, sent.text
        for _ in range(300):
            if text in received:
                break
            await asyncio.sleep(0.1)
    finally:
        await client.disconnect()
    return received


def test_a_web_chat_visitor_on_one_replica_gets_an_officers_message_sent_through_the_other(
    cluster: Cluster,
) -> None:
    text = "Officer Haddad: the bus to the range leaves at 09:15 from gate 2."

    received = asyncio.run(officer_message_across_replicas(cluster, text))

    assert text in received


def test_the_web_chat_page_through_haproxy_gets_officers_messages_sent_through_either_replica(
    cluster: Cluster, browser: Browser
) -> None:
    """The page's websocket goes through HAProxy to one replica or the other; a message sent
    through each replica's API reaches it, so one of them crossed over through Redis."""
    context = browser.new_context(locale="en-GB")
    try:
        page = context.new_page()
        page.goto(f"{cluster.url('webchat')}/")
        page.locator("#status[data-state=online]").wait_for(timeout=30_000)
        page.fill("#message", "Hello")
        page.press("#message", "Enter")
        page.locator(".message.bot").first.wait_for(timeout=30_000)
        session = page.locator("body").get_attribute("data-session")
        assert session
        for replica in ("rasa-1", "rasa-2"):
            text = f"Officer Haddad via {replica}: the briefing moves to 14:00."
            sent = httpx.post(
                f"{cluster.url(replica)}/conversations/{session}/trigger_intent",
                params={"output_channel": "socketio", "token": cluster.config.rasa_token},
                json={"name": MESSAGE_INTENT, "entities": {MESSAGE_ENTITY: text}},
                timeout=60,
            )
            assert sent.status_code == 200, sent.text
            page.locator(".message.bot", has_text=text).wait_for(timeout=30_000)
    finally:
        context.close()


def test_a_conversation_continues_with_its_history_and_language_when_its_replica_dies(
    cluster: Cluster,
) -> None:
    sender = "cluster-failover"
    balanced = cluster.url("rasa")
    first, second = "Bonjour, à quelle heure est le dîner ?", "Où est l'hôpital ?"
    # Two turns through HAProxy, round robin: the conversation has been on both replicas.
    assert identify(text_of(say(balanced, sender, first))) == "fr"
    assert identify(text_of(say(balanced, sender, second))) == "fr"

    cluster.kill("rasa-1")
    started = time.monotonic()
    after = [say(balanced, sender, "ok"), say(balanced, sender, "Et le petit déjeuner ?")]
    first_answer_seconds = time.monotonic() - started

    # "ok" alone cannot tell a language: it is answered in the conversation's, from its history
    assert [identify(text_of(reply)) for reply in after] == ["fr", "fr"]
    history = turns(tracker(cluster, sender)["events"])
    assert [text for text, _ in history] == [first, second, "ok", "Et le petit déjeuner ?"]
    assert all(answers >= 1 for _, answers in history)
    assert tracker(cluster, sender)["slots"]["language"] == "fr"
    print(f"two turns after the kill answered in {first_answer_seconds:.2f} s")


def test_killing_a_lookup_service_and_an_action_server_costs_no_answer(cluster: Cluster) -> None:
    balanced = cluster.url("rasa")
    question = "When is lunch?"
    before = text_of(say(balanced, "cluster-lookup-1", question))
    assert before.strip()

    cluster.kill("lookup-1")
    cluster.kill("actions-1")
    after = [text_of(say(balanced, f"cluster-lookup-{n}", question)) for n in range(2, 8)]

    # the fact itself every time, never the apology the action gives when the lookup fails
    assert after == [before] * len(after)


def test_stopping_the_cluster_stops_every_process_and_frees_every_port(cluster: Cluster) -> None:
    services = list(cluster.services.values())

    cluster.stop()

    assert all(s.process is not None and s.process.poll() is not None for s in services)
    for service in services:
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", service.port)) != 0, service.name
    for port in (cluster.config.actions_port, cluster.config.lookup_port):
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0
    deadline = time.monotonic() + 5  # a killed process takes a moment to go
    while _left_behind(services) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _left_behind(services) == []


def _left_behind(services: list[Any]) -> list[str]:
    """Live processes (not zombies awaiting their reaper) in any service's process group."""
    groups = {s.process.pid for s in services if s.process is not None}
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        state, group = fields[0], int(fields[2])
        if group in groups and state != "Z":
            found.append(stat.split(")", 1)[0] + ")")
    return found
