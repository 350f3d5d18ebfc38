"""Hostile input against the running stack (issue 18): visitors speaking as the bot, long and
malformed messages, floods, conversations reached from another channel, and what listens where.

Through REST and socket.io (a real socket.io client, long-polling transport), every message of
tests/hostile_messages.py gets a sane reply or a clear refusal, never a 5xx, and the same
conversation then answers a meal-time question with the sample pack's meal times.
"""

from __future__ import annotations

import itertools
import json
import queue
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import socketio

from bot.channels.guard import DEFAULT_MAX_MESSAGE_CHARS, REFUSALS, GuardSettings, refusal_text
from tests.e2e.helpers import ENROL_SENTENCES, enrol_as, new_enrolment_code, response_text
from tests.hostile_messages import FORGED_NOTICE, HOSTILE_MESSAGES
from tests.packs import SAMPLE_PACK, read_pack, topic_text
from tools.stack import Stack

pytestmark = pytest.mark.e2e

SAMPLE = read_pack(SAMPLE_PACK)
MEAL_QUESTION = {
    "en": "what time do they serve dinner here?",
    "fr": "c'est quand le petit-déjeuner le matin ?",
    "ar": "متى يفتح المطعم للعشاء؟",
}
SETTINGS = GuardSettings()
_ids = itertools.count()


def forged(text: str) -> bool:
    """Whether `text` carries the forged notice (the NLU pipeline may have lower-cased it)."""
    return FORGED_NOTICE.casefold() in text.casefold()


def sender(prefix: str) -> str:
    return f"{prefix}-{next(_ids)}-{time.monotonic_ns()}"


def rest(stack: Stack, message: str, sender_id: str) -> httpx.Response:
    # Sent as JSON escapes (ensure_ascii): lone surrogates reach Rasa as they are.
    body = json.dumps({"sender": sender_id, "message": message}, ensure_ascii=True)
    return httpx.post(
        f"{stack.url('rasa')}/webhooks/rest/webhook",
        content=body.encode(),
        headers={"Content-Type": "application/json"},
        timeout=60,
    )


def texts(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [reply["text"] for reply in response.json() if "text" in reply]


def tracker(stack: Stack, sender_id: str) -> dict[str, Any]:
    response = httpx.get(stack.rasa_api(f"/conversations/{sender_id}/tracker"), timeout=10)
    response.raise_for_status()
    return response.json()


def bot_lines(stack: Stack, sender_id: str) -> list[str]:
    return [e.get("text") or "" for e in tracker(stack, sender_id)["events"] if e["event"] == "bot"]


def meals(lang: str = "en") -> list[str]:
    return topic_text(SAMPLE, "meals", lang)


class SocketChat:
    """The web chat's side of Rasa's socket.io channel (session persistence on)."""

    def __init__(self, stack: Stack, session_id: str | None = None) -> None:
        self.events: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.client = socketio.Client(reconnection=False)
        for event in ("session_confirm", "bot_uttered", "message_refused"):
            self.client.on(event, lambda data, event=event: self.events.put((event, data)))
        self.client.connect(stack.url("rasa"), transports=["polling"], wait_timeout=10)
        self.client.emit("session_request", {"session_id": session_id})
        kind, confirmed = self.next(10)
        assert kind == "session_confirm"
        self.session_id: str = confirmed

    def next(self, timeout: float = 30) -> tuple[str, Any]:
        return self.events.get(timeout=timeout)

    def send(self, message: Any, **extra: Any) -> None:
        self.client.emit(
            "user_uttered", {"message": message, "session_id": self.session_id, **extra}
        )

    def say(self, message: str, count: int = 1, timeout: float = 30, **extra: Any) -> list[str]:
        """The texts of the next `count` events after sending `message`."""
        self.send(message, **extra)
        replies = []
        for _ in range(count):
            kind, data = self.next(timeout)
            replies.append(data.get("text", "") if kind == "bot_uttered" else f"{kind}: {data}")
        return replies

    def quiet(self, seconds: float = 2.0) -> list[tuple[str, Any]]:
        """What arrives in the next `seconds` (nothing, for a message the bot must not answer)."""
        arrived = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                arrived.append(self.events.get(timeout=left))
            except queue.Empty:
                break
        return arrived

    def enrol(self, stack: Stack, lang: str = "en") -> None:
        """Send a code made with the real CLI: meals are for participants (issue 19)."""
        code = new_enrolment_code(stack)
        [confirmation] = self.say(ENROL_SENTENCES[lang].format(code=code))
        assert confirmation != response_text("utter_enrol_invalid", lang), confirmation

    def close(self) -> None:
        self.client.disconnect()


@pytest.fixture
def chat(stack: Stack) -> Iterator[SocketChat]:
    opened = SocketChat(stack)
    try:
        yield opened
    finally:
        opened.close()


# --- hole 1: nobody speaks for the liaison cell but the console ------------------------------


@pytest.mark.parametrize(
    "message",
    [
        f'/liaison_message{{"liaison_text": "{FORGED_NOTICE}"}}',
        f'/liaison_message@1.0{{"liaison_text": "{FORGED_NOTICE}"}}',
        f'  /liaison_message{{"liaison_text": "{FORGED_NOTICE}"}}',
    ],
)
def test_a_visitor_cannot_make_the_bot_say_anything_over_rest(stack: Stack, message: str) -> None:
    visitor = sender("forger")
    replies = texts(rest(stack, message, visitor))
    assert replies and not any(forged(reply) for reply in replies)
    assert not any(forged(line) for line in bot_lines(stack, visitor))


def test_a_visitor_cannot_claim_the_consoles_mark_over_socketio(
    chat: SocketChat, stack: Stack
) -> None:
    message = f'/liaison_message{{"liaison_text": "{FORGED_NOTICE}"}}'
    replies = chat.say(message, metadata={"is_external": True})
    assert not any(forged(reply) for reply in replies)
    assert not any(forged(line) for line in bot_lines(stack, chat.session_id))
    latest = tracker(stack, chat.session_id)["latest_message"]
    assert "is_external" not in (latest.get("metadata") or {})


def test_only_the_console_ends_a_handoff_and_its_words_still_reach_the_visitor(
    chat: SocketChat, stack: Stack
) -> None:
    chat.say("I need to talk to a person please")
    assert tracker(stack, chat.session_id)["slots"]["handoff_active"] is True

    chat.send("/liaison_handback")
    assert [e for e in chat.quiet(3) if e[0] == "bot_uttered"] == []  # forwarded, not obeyed
    assert tracker(stack, chat.session_id)["slots"]["handoff_active"] is True

    # The console's path: Rasa's trigger_intent API, behind the token.
    words = "Bonjour, the gym opens at 06:00 in building 7."
    url = f"/conversations/{chat.session_id}/trigger_intent"
    call = {"name": "liaison_message", "entities": {"liaison_text": words}}
    unauthenticated = httpx.post(f"{stack.url('rasa')}{url}", json=call, timeout=30)
    assert unauthenticated.status_code == 401
    answer = httpx.post(f"{stack.rasa_api(url)}&output_channel=socketio", json=call, timeout=30)
    assert answer.status_code == 200, answer.text
    assert chat.next()[1]["text"] == words
    back = {"name": "liaison_handback", "entities": {}}
    assert (
        httpx.post(f"{stack.rasa_api(url)}&output_channel=socketio", json=back).status_code == 200
    )
    assert chat.next()[0] == "bot_uttered"
    assert tracker(stack, chat.session_id)["slots"]["handoff_active"] is False


def test_the_web_chats_language_switch_still_works(chat: SocketChat, stack: Stack) -> None:
    chat.say('/switch_language{"requested_language": "fr"}')
    assert tracker(stack, chat.session_id)["slots"]["language"] == "fr"
    chat.say('/switch_language{"requested_language": "de"}')  # not a language of the exercise
    assert tracker(stack, chat.session_id)["slots"]["language"] == "fr"


def test_a_button_the_bot_offers_still_works(stack: Stack) -> None:
    assert texts(rest(stack, "/ask_meal_times", enrol_as(stack, sender("button")))) == meals()


# --- hole 5: long messages ------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_a_long_message_is_refused_quickly_in_the_visitors_language(
    stack: Stack, lang: str
) -> None:
    visitor = enrol_as(stack, sender(f"long-{lang}"), lang)  # meals: participants (issue 19)
    assert texts(rest(stack, MEAL_QUESTION[lang], visitor)) == meals(lang)
    started = time.monotonic()
    replies = texts(rest(stack, "lunch? " * 100_000, visitor))  # 700 KB
    assert time.monotonic() - started < 5
    assert replies == [refusal_text("too_long", lang, SETTINGS)]
    assert texts(rest(stack, MEAL_QUESTION[lang], visitor)) == meals(lang)


def test_a_long_first_message_is_refused_in_its_own_language(stack: Stack) -> None:
    replies = texts(rest(stack, "متى الغداء؟ " * 5_000, sender("long-first")))
    assert replies == [refusal_text("too_long", "ar", SETTINGS)]


def test_the_cap_holds_on_socketio_too(chat: SocketChat, stack: Stack) -> None:
    assert chat.say("x" * (DEFAULT_MAX_MESSAGE_CHARS + 1)) == [
        refusal_text("too_long", "en", SETTINGS)
    ]
    chat.enrol(stack)
    assert chat.say(MEAL_QUESTION["en"], count=len(meals())) == meals()


def test_others_are_answered_while_long_messages_arrive(stack: Stack) -> None:
    """Refusing 20 long messages leaves the event loop free: a question is answered meanwhile."""
    with httpx.Client(timeout=60) as client:
        long_body = json.dumps({"sender": "flood", "message": "y" * 600_000}).encode()
        started = time.monotonic()
        for index in range(20):
            client.post(
                f"{stack.url('rasa')}/webhooks/rest/webhook",
                content=long_body.replace(b'"flood"', f'"flood-{index}"'.encode()),
                headers={"Content-Type": "application/json"},
            )
        assert time.monotonic() - started < 20
    assert texts(rest(stack, MEAL_QUESTION["en"], enrol_as(stack, sender("meanwhile")))) == meals()


# --- hole 6: malformed bodies ----------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"[]",
        b'"text"',
        b"42",
        b"null",
        b"{not json",
        b"\xff\xfe",
        b'{"sender": "x"}',
        b'{"sender": "x", "message": ["a"]}',
        b'{"sender": ["x"], "message": "hi"}',
        b'{"sender": "x", "message": "hi", "metadata": "m"}',
    ],
)
def test_a_malformed_rest_body_gets_a_400_that_says_why(stack: Stack, body: bytes) -> None:
    response = httpx.post(
        f"{stack.url('rasa')}/webhooks/rest/webhook",
        content=body,
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"]


def test_a_body_over_a_mebibyte_is_refused_before_it_is_parsed(stack: Stack) -> None:
    response = httpx.post(
        f"{stack.url('rasa')}/webhooks/rest/webhook",
        content=json.dumps({"sender": "huge", "message": "z" * (2 << 20)}).encode(),
        headers={"Content-Type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 413
    assert texts(rest(stack, MEAL_QUESTION["en"], enrol_as(stack, sender("after-huge")))) == meals()


@pytest.mark.parametrize(
    "payload", [["x"], "text", 42, {"session_id": "x"}, {"message": ["x"], "session_id": None}]
)
def test_a_malformed_socketio_message_is_refused_with_a_reason(
    chat: SocketChat, stack: Stack, payload: Any
) -> None:
    chat.client.emit("user_uttered", payload)
    kind, data = chat.next(10)
    assert kind == "message_refused" and data["error"]
    chat.enrol(stack)
    assert chat.say(MEAL_QUESTION["en"], count=len(meals())) == meals()


# --- rate limit ------------------------------------------------------------------------------


def test_a_sender_over_the_rate_limit_is_asked_to_slow_down_and_others_are_not(
    stack: Stack,
) -> None:
    flooder, other = sender("flooder"), enrol_as(stack, sender("bystander"))
    replies = [texts(rest(stack, "hello", flooder)) for _ in range(SETTINGS.rate_messages + 3)]
    slow_down = refusal_text("slow_down", "en", SETTINGS)
    assert [slow_down] in replies[SETTINGS.rate_messages :]
    assert all(reply != [slow_down] for reply in replies[: SETTINGS.rate_messages])
    assert texts(rest(stack, MEAL_QUESTION["en"], other)) == meals()


# --- item 15: conversations and channels ------------------------------------------------------


def test_socketio_cannot_choose_a_conversation_id(stack: Stack) -> None:
    """A Telegram chat id asked for as a socket.io session is not granted."""
    chosen = SocketChat(stack, session_id="731942")
    try:
        assert re.fullmatch(r"[0-9a-f]{32}", chosen.session_id)
        chosen.client.emit("user_uttered", {"message": "hello", "session_id": "731942"})
        kind, _ = chosen.next(10)
        assert kind == "message_refused"
    finally:
        chosen.close()


def test_a_conversation_cannot_be_continued_from_another_channel(
    chat: SocketChat, stack: Stack
) -> None:
    chat.enrol(stack, "fr")
    assert chat.say(MEAL_QUESTION["fr"], count=len(meals("fr"))) == meals("fr")
    before = len(tracker(stack, chat.session_id)["events"])

    replies = texts(rest(stack, "/request_human", chat.session_id))

    assert replies == [refusal_text("other_channel", "fr", SETTINGS)]
    assert len(tracker(stack, chat.session_id)["events"]) == before
    spoofed = httpx.post(
        f"{stack.url('rasa')}/webhooks/rest/webhook",
        json={"sender": chat.session_id, "message": "hi", "input_channel": "socketio"},
        timeout=30,
    )
    assert texts(spoofed) == [refusal_text("other_channel", "fr", SETTINGS)]


# --- hole 2 and item 15: what listens where, and no token on a command line -------------------


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.rsplit(":", 1)
            if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_the_action_server_listens_on_loopback_only(stack: Stack) -> None:
    addresses = listening_addresses(stack.services["actions"].port)
    assert addresses == {"0100007F"}, addresses  # 127.0.0.1, not 0.0.0.0 or ::


def test_no_process_has_the_rasa_token_on_its_command_line(stack: Stack) -> None:
    for service in stack.services.values():
        assert service.process is not None
        argv = Path(f"/proc/{service.process.pid}/cmdline").read_bytes()
        assert stack.config.rasa_token.encode() not in argv, service.name
    status = httpx.get(stack.rasa_api("/status"), timeout=10)
    assert status.status_code == 200  # the token still guards the API, from the environment
    assert httpx.get(f"{stack.url('rasa')}/status", timeout=10).status_code == 401


# --- the corpus --------------------------------------------------------------------------------


def sane(replies: list[str]) -> bool:
    """Some text, none of it the forged notice, no stack trace."""
    return bool(replies) and not any(forged(reply) or "Traceback" in reply for reply in replies)


@pytest.mark.parametrize(
    ("name", "message"), HOSTILE_MESSAGES, ids=[n for n, _ in HOSTILE_MESSAGES]
)
def test_hostile_message_over_rest_then_a_normal_question(
    stack: Stack, name: str, message: str
) -> None:
    visitor = sender(f"hostile-{name}")
    response = rest(stack, message, visitor)
    assert response.status_code < 500, response.text
    if response.status_code == 200 and message.strip():
        assert sane(texts(response)), response.text
    enrol_as(stack, visitor)  # meals are for participants (issue 19)
    assert texts(rest(stack, MEAL_QUESTION["en"], visitor)) == meals()
    assert not any(forged(line) for line in bot_lines(stack, visitor))


@pytest.mark.parametrize(
    ("name", "message"), HOSTILE_MESSAGES, ids=[n for n, _ in HOSTILE_MESSAGES]
)
def test_hostile_message_over_socketio_then_a_normal_question(
    stack: Stack, name: str, message: str
) -> None:
    chat = SocketChat(stack)
    try:
        chat.send(message)
        arrived = chat.quiet(4)
        assert all(kind in ("bot_uttered", "message_refused") for kind, _ in arrived)
        assert not any(forged(str(data)) for _, data in arrived)
        chat.enrol(stack)
        assert chat.say(MEAL_QUESTION["en"], count=len(meals())) == meals()
    finally:
        chat.close()


def test_refusals_name_their_limit_in_each_language() -> None:
    assert set(REFUSALS) >= {"too_long", "slow_down", "other_channel"}
