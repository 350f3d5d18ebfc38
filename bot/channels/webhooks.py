"""Each configured channel's entry, hardened where Rasa 3.6 trusts what it receives.

Installed by `bot.rasa_server` in place of Rasa's `channel.register` (which mounts each
connector's blueprint), so it covers every connector credentials.yml switches on:

- **malformed bodies get a 4xx with a clear message**: before the connector sees a webhook POST,
  its body is checked for the shape that connector reads (a JSON object with a string `message`
  for REST, an `update_id` for Telegram, a form with `From` for Twilio, ...). Rasa answered
  500 to `[]` on REST, a JSON array on Telegram, Mattermost or Rocket.Chat, a Twilio form
  without `Body`; now each is a 400 `{"error": "..."}` naming what is wrong.
- **a message's channel is the connector it came through**: Rasa's REST connector took the
  `input_channel` a client wrote in the body (so a REST caller could pass for Telegram and have
  officer replies routed there); the channel recorded is now always the connector's own name.
- **socket.io conversation ids are the server's**: Rasa's socket.io channel let a client choose
  its `session_id`, which is the conversation's sender id and its room, so it could name a
  Telegram chat id and write into that visitor's conversation. A session id is now what the
  server issues (32 hex digits, a uuid4 as Rasa makes them); anything else asked for gets a new
  one, and a message with another id, or that is not `{"message": "<text>", "session_id": ...}`,
  is refused with a `message_refused` event that says why.
- **Telegram's secret token**: see bot.channels.telegram (checked here, before the body).

The visitor-facing checks (length, rate, staff intents) are in bot.channels.guard, for every
channel at once.
"""

from __future__ import annotations

import hmac
import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urljoin

logger = logging.getLogger(__name__)

SESSION_ID = re.compile(r"[0-9a-f]{32}")
MAX_SENDER_CHARS = 256
REFUSED_EVENT = "message_refused"  # socket.io: why a message was not taken
TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

Problem = tuple[int, str]  # (HTTP status, what is wrong)


def _json_object(body: Any, example: str) -> str | None:
    if not isinstance(body, dict):
        return f"the body must be a JSON object, e.g. {example}"
    return None


def _text_fields(body: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        if not isinstance(body.get(name), str):
            return f"'{name}' must be a string"
    return None


def rest_problem(body: Any, form: Any) -> str | None:
    problem = _json_object(body, '{"sender": "visitor-1", "message": "When is lunch?"}')
    if problem:
        return problem
    if not isinstance(body.get("message"), str):
        return "'message' must be a string: the visitor's text"
    sender = body.get("sender")
    if sender is not None and (
        not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS
    ):
        return f"'sender' must be a non-empty string of at most {MAX_SENDER_CHARS} characters"
    if body.get("metadata") is not None and not isinstance(body.get("metadata"), dict):
        return "'metadata' must be a JSON object"
    return None


def telegram_problem(body: Any, form: Any) -> str | None:
    problem = _json_object(body, "a Telegram Update")
    if problem:
        return problem
    if not isinstance(body.get("update_id"), int):
        return "a Telegram Update has an integer 'update_id'"
    for key in ("message", "edited_message", "callback_query"):
        if key in body and not isinstance(body[key], dict):
            return f"'{key}' must be an object"
    return None


def slack_problem(body: Any, form: Any) -> str | None:
    if form:
        payload = form.get("payload")
        if not isinstance(payload, str):
            return "a Slack form post carries a JSON 'payload'"
        return None  # its JSON is read by Rasa after the signature check
    problem = _json_object(body, "a Slack Events API callback")
    if problem:
        return problem
    if "event" in body and not isinstance(body["event"], dict):
        return "'event' must be an object"
    return None


def twilio_problem(body: Any, form: Any) -> str | None:
    if not form or not isinstance(form.get("From"), str):
        return "a Twilio webhook is a form with 'From' and 'Body'"
    if not isinstance(form.get("Body"), str) and not (
        form.get("Latitude") and form.get("Longitude")
    ):
        return "a Twilio webhook is a form with 'Body' (or 'Latitude' and 'Longitude')"
    return None


def botframework_problem(body: Any, form: Any) -> str | None:
    problem = _json_object(body, "a Bot Framework activity")
    if problem:
        return problem
    if not isinstance(body.get("type"), str):
        return "an activity has a string 'type'"
    if body["type"] == "message":
        for key in ("conversation", "from", "recipient"):
            if not isinstance(body.get(key), dict):
                return f"a message activity has an object '{key}'"
        if not isinstance(body.get("serviceUrl"), str):
            return "a message activity has a string 'serviceUrl'"
        if "text" in body and not isinstance(body["text"], str):
            return "'text' must be a string"
    return None


def mattermost_problem(body: Any, form: Any) -> str | None:
    if body in (None, {}):
        return None  # Rasa answers an empty body itself
    problem = _json_object(body, "a Mattermost outgoing-webhook post")
    if problem:
        return problem
    if "trigger_word" in body:
        return _text_fields(body, ("text", "user_id", "channel_id"))
    if "context" in body:
        if not isinstance(body["context"], dict) or not isinstance(
            body["context"].get("action"), str
        ):
            return "'context' must be an object with a string 'action'"
        return _text_fields(body, ("user_id", "channel_id"))
    return None


def rocketchat_problem(body: Any, form: Any) -> str | None:
    if body in (None, {}):
        return None
    problem = _json_object(body, "a Rocket.Chat outgoing-webhook post")
    if problem:
        return problem
    if "visitor" in body:
        messages = body.get("messages")
        if not (isinstance(messages, list) and messages and isinstance(messages[0], dict)):
            return "'messages' must be a non-empty list of objects"
        if not isinstance(messages[0].get("msg"), str):
            return "'messages[0].msg' must be a string"
    elif "text" in body and not isinstance(body["text"], str):
        return "'text' must be a string"
    return None


VALIDATORS: dict[str, Callable[[Any, Any], str | None]] = {
    "rest": rest_problem,
    "telegram": telegram_problem,
    "slack": slack_problem,
    "twilio": twilio_problem,
    "botframework": botframework_problem,
    "mattermost": mattermost_problem,
    "rocketchat": rocketchat_problem,
}
FORM_CHANNELS = {"twilio", "slack"}


def webhook_problem(channel: Any, request: Any) -> Problem | None:
    """(status, message) when a webhook POST must not reach the connector, else None."""
    secret = getattr(channel, "webhook_secret", None)
    if secret and not hmac.compare_digest(
        request.headers.get(TELEGRAM_SECRET_HEADER, "").encode(), secret.encode()
    ):
        return 403, f"missing or wrong {TELEGRAM_SECRET_HEADER} header"
    validator = VALIDATORS.get(channel.name())
    if validator is None:
        return None
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    form = body = None
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        if channel.name() not in FORM_CHANNELS:
            return 415, "the body must be JSON (Content-Type: application/json)"
        form = request.form
    else:
        if channel.name() == "twilio":
            return 415, "a Twilio webhook is a form (application/x-www-form-urlencoded)"
        try:
            body = request.json
        except Exception:  # Sanic's InvalidUsage, or a decoding error
            return 400, "the body is not valid JSON"
    problem = validator(body, form)
    return (400, problem) if problem else None


def _refuse_malformed(channel: Any) -> Callable[[Any], Awaitable[Any]]:
    async def check(request: Any) -> Any:
        from sanic import response

        if request.method != "POST" or not request.path.rstrip("/").endswith("/webhook"):
            return None
        problem = webhook_problem(channel, request)
        if problem is None:
            return None
        status, message = problem
        logger.info("refused a %s webhook post: %s", channel.name(), message)
        return response.json({"error": message}, status=status)

    return check


def on_channel(
    channel: Any, handle: Callable[[Any], Awaitable[Any]]
) -> Callable[[Any], Awaitable[Any]]:
    """Rasa's message handler, with the message's channel set to the connector's own name."""
    name = channel.name()

    async def on_new_message(message: Any) -> Any:
        message.input_channel = name
        if message.text is not None and not isinstance(message.text, str):
            message.text = str(message.text)
        return await handle(message)

    return on_new_message


def harden_socketio(channel: Any) -> None:
    """Server-issued session ids, and a clear refusal of a malformed message."""
    sio = channel.sio
    namespace = channel.namespace or "/"
    handlers = sio.handlers[namespace]
    handle_message = handlers[channel.user_message_evt]

    async def session_request(sid: str, data: Any = None) -> None:
        asked = data.get("session_id") if isinstance(data, dict) else None
        session_id = asked if isinstance(asked, str) and SESSION_ID.fullmatch(asked) else None
        session_id = session_id or uuid.uuid4().hex
        if channel.session_persistence:
            await _enter_room(sio, sid, session_id, namespace)
        await sio.emit("session_confirm", session_id, room=sid, namespace=namespace)

    async def user_uttered(sid: str, data: Any = None) -> None:
        problem = None
        if not isinstance(data, dict):
            problem = 'a message is an object: {"message": "<text>", "session_id": "<id>"}'
        elif not isinstance(data.get("message"), str):
            problem = "'message' must be a string"
        elif channel.session_persistence and not (
            isinstance(data.get("session_id"), str) and SESSION_ID.fullmatch(data["session_id"])
        ):
            problem = "'session_id' must be the id this server confirmed (session_request)"
        elif data.get(channel.metadata_key) is not None and not isinstance(
            data.get(channel.metadata_key), dict
        ):
            problem = f"'{channel.metadata_key}' must be an object"
        if problem:
            logger.info("refused a socket.io message: %s", problem)
            await sio.emit(REFUSED_EVENT, {"error": problem}, room=sid, namespace=namespace)
            return
        await handle_message(sid, data)

    handlers["session_request"] = session_request
    handlers[channel.user_message_evt] = user_uttered


async def _enter_room(sio: Any, sid: str, room: str, namespace: str) -> None:
    result = sio.enter_room(sid, room, namespace=namespace)
    if hasattr(result, "__await__"):
        await result


def install() -> None:
    """Replace Rasa's channel.register with one that mounts each connector hardened."""
    from rasa.core.channels import channel as channel_module

    def register(input_channels: list[Any], app: Any, route: str | None) -> None:
        async def handler(message: Any) -> None:
            await app.ctx.agent.handle_message(message)

        for channel in input_channels:
            prefix = urljoin(route, channel.url_prefix()) if route else None
            blueprint = channel.blueprint(on_channel(channel, handler))
            blueprint.middleware("request")(_refuse_malformed(channel))
            if channel.name() == "socketio" and getattr(channel, "sio", None) is not None:
                harden_socketio(channel)
            app.blueprint(blueprint, url_prefix=prefix)
        app.ctx.input_channels = input_channels

    channel_module.register = register
