"""bot.channels.webhooks: the body each connector reads, checked before it reads it; and the
Telegram connector's secret token. Against the running stack: tests/e2e/test_hostile_input.py
(REST, socket.io) and tests/e2e/test_channels.py (the six messaging connectors)."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest

from bot.channels.telegram import SECRET_TOKEN, derived_secret
from bot.channels.webhooks import (
    TELEGRAM_SECRET_HEADER,
    VALIDATORS,
    botframework_problem,
    mattermost_problem,
    rest_problem,
    rocketchat_problem,
    telegram_problem,
    twilio_problem,
    webhook_problem,
)
from bot.hardening import with_auth_token

MALFORMED_JSON = [[], ["x"], "text", 42, None, True]


@pytest.mark.parametrize("body", MALFORMED_JSON)
@pytest.mark.parametrize("channel", ["rest", "telegram", "botframework"])
def test_a_body_that_is_not_an_object_is_refused(channel: str, body: Any) -> None:
    assert VALIDATORS[channel](body, None)


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"sender": "a"},
        {"sender": "a", "message": ["x"]},
        {"sender": 7, "message": "hi"},
        {"sender": "", "message": "hi"},
        {"sender": "s" * 257, "message": "hi"},
        {"sender": "a", "message": "hi", "metadata": "x"},
    ],
)
def test_rest_refuses_what_rasa_would_choke_on(body: dict[str, Any]) -> None:
    assert rest_problem(body, None)


def test_rest_takes_a_sender_and_a_message() -> None:
    assert rest_problem({"sender": "a", "message": "When is lunch?"}, None) is None
    assert rest_problem({"message": "When is lunch?", "metadata": {}}, None) is None


def test_the_other_connectors_shapes() -> None:
    assert telegram_problem({"update_id": 1, "message": {"text": "hi"}}, None) is None
    assert telegram_problem({"update_id": "1"}, None)
    assert telegram_problem({"update_id": 1, "message": []}, None)
    assert twilio_problem(None, {"From": "whatsapp:+33", "Body": "hi"}) is None
    assert twilio_problem(None, {"From": "whatsapp:+33"})
    assert twilio_problem(None, None)
    assert botframework_problem({"type": "message", "text": "hi"}, None)  # no conversation
    assert mattermost_problem({"trigger_word": "@liaison", "text": 5, "user_id": "u"}, None)
    assert mattermost_problem([], None)
    assert mattermost_problem({}, None) is None
    assert rocketchat_problem({"visitor": {}, "messages": []}, None)
    assert rocketchat_problem(["x"], None)


class FakeRequest:
    def __init__(self, body: Any = None, headers: dict[str, str] | None = None) -> None:
        self._body = body
        self.headers = {"content-type": "application/json", **(headers or {})}
        self.form = None

    @property
    def json(self) -> Any:
        if isinstance(self._body, Exception):
            raise self._body
        return self._body


def channel(name: str, **attributes: Any) -> Any:
    return SimpleNamespace(name=lambda: name, **attributes)


def test_malformed_json_is_a_400_not_a_crash() -> None:
    problem = webhook_problem(channel("rest"), FakeRequest(ValueError("bad json")))
    assert problem == (400, "the body is not valid JSON")
    assert webhook_problem(channel("rest"), FakeRequest([]))[0] == 400  # type: ignore[index]


def test_a_telegram_post_without_the_secret_is_refused_before_its_body_is_read() -> None:
    telegram = channel("telegram", webhook_secret="s3cret")
    assert webhook_problem(telegram, FakeRequest(ValueError("unread")))[0] == 403  # type: ignore[index]
    wrong = FakeRequest({"update_id": 1}, {TELEGRAM_SECRET_HEADER: "guess"})
    assert webhook_problem(telegram, wrong)[0] == 403  # type: ignore[index]
    right = FakeRequest({"update_id": 1}, {TELEGRAM_SECRET_HEADER: "s3cret"})
    assert webhook_problem(telegram, right) is None


def test_the_derived_telegram_secret_is_one_telegram_accepts_and_depends_on_the_bot() -> None:
    secret = derived_secret("7301234567:AAFakeToken")
    assert SECRET_TOKEN.fullmatch(secret)
    assert secret != derived_secret("7301234567:AAOtherToken")
    assert "AAFakeToken" not in secret


def test_the_api_token_comes_from_the_environment_not_the_command_line() -> None:
    argv = ["run", "--enable-api"]
    assert with_auth_token(argv, {"LIAISON_RASA_TOKEN": "-tok"}) == [*argv, "--auth-token=-tok"]
    assert with_auth_token(argv, {}) == argv
    given = ["run", "--auth-token=x"]
    assert with_auth_token(given, {"LIAISON_RASA_TOKEN": "y"}) == given


def test_an_officers_reply_to_telegram_gets_an_output_channel_inside_the_servers_loop() -> None:
    """Rasa's trigger_intent API asks the connector for its output channel from inside the
    running loop, where registering the webhook again with asyncio.run() raised RuntimeError:
    officer replies and announcements to Telegram visitors failed with a 500."""
    from bot.channels.telegram import SecretTelegramOutput, TelegramInput

    connector = TelegramInput(
        "7301234567:AAFakeToken",
        "liaison_test_bot",
        "https://example.org/webhooks/telegram/webhook",
    )

    async def from_the_api() -> object:
        return connector.get_output_channel()

    channel = asyncio.run(from_the_api())
    assert isinstance(channel, SecretTelegramOutput)
    assert channel.secret_token == connector.webhook_secret
