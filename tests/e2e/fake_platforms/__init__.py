"""A fake of the six messaging platforms' APIs, as far as Rasa 3.6's connectors call them.

One threaded HTTP server in the test process, one path prefix per platform (Rasa's Rasa server is
pointed here by `site/sitecustomize.py` or, for Mattermost and Rocket.Chat, by its credentials).
Each platform checks the credentials the connector must present, as the real one does, and answers
with the smallest response its client library accepts. Every message a connector sends is recorded,
and the test waits (bounded) for the ones addressed to a chat, channel or number.
"""

from __future__ import annotations

import base64
import email.parser
import email.policy
import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit


@dataclass(frozen=True)
class Accounts:
    """The (fake) credentials of one bot on every platform."""

    telegram_token: str
    telegram_bot_name: str
    slack_token: str
    twilio_account_sid: str
    twilio_auth_token: str
    botframework_app_id: str
    botframework_app_password: str
    mattermost_token: str
    rocketchat_user: str
    rocketchat_password: str
    botframework_jwks: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sent:
    """A message a connector sent to a platform: to whom, what, and the request body."""

    platform: str
    recipient: str
    text: str
    body: dict[str, Any]


class Reply(Exception):
    def __init__(self, status: int, body: Any) -> None:
        super().__init__(status)
        self.status, self.body = status, body


class FakePlatforms:
    def __init__(self, accounts: Accounts) -> None:
        self.accounts = accounts
        self.sent: list[Sent] = []
        self.requests: list[str] = []  # "METHOD /path -> status", for failure messages
        self.telegram_webhooks: list[str] = []
        self.telegram_webhook_secrets: list[str | None] = []  # each setWebhook's secret_token
        self._issued: set[str] = set()  # Bot Framework and Rocket.Chat access tokens handed out
        self._ids = itertools.count(1000)
        self._changed = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.platforms = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        assert isinstance(host, str)
        return f"http://{host}:{port}"

    def start(self) -> FakePlatforms:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def messages(self, platform: str, recipient: str) -> list[Sent]:
        with self._changed:
            return [m for m in self.sent if m.platform == platform and m.recipient == recipient]

    def wait_for(
        self, platform: str, recipient: str, count: int = 1, timeout: float = 60.0
    ) -> list[Sent]:
        """The messages sent to a recipient once there are `count` of them (or at the timeout)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(found := self.messages(platform, recipient)) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._changed.wait(remaining)
        return found

    def log(self) -> str:
        with self._changed:
            return "\n".join(self.requests[-40:]) or "(no requests)"

    # --- what the server does with a request -------------------------------------------------

    def handle(self, method: str, path: str, headers: Any, body: dict[str, Any]) -> tuple[int, Any]:
        platform, _, rest = path.lstrip("/").partition("/")
        route = getattr(self, f"_{platform}", None)
        if route is None:
            return 404, {"error": f"no fake platform '{platform}'"}
        try:
            return 200, route(method, "/" + rest, headers, body)
        except Reply as reply:
            return reply.status, reply.body

    def _record(self, platform: str, recipient: Any, text: Any, body: dict[str, Any]) -> None:
        with self._changed:
            self.sent.append(Sent(platform, str(recipient), str(text or ""), body))
            self._changed.notify_all()

    def _telegram(self, _method: str, path: str, _headers: Any, body: dict[str, Any]) -> Any:
        match = re.fullmatch(r"/bot(?P<token>[^/]+)/(?P<method>\w+)", path)
        if not match or match["token"] != self.accounts.telegram_token:
            raise Reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        bot = {
            "id": int(self.accounts.telegram_token.split(":")[0]),
            "is_bot": True,
            "first_name": "Liaison",
            "username": self.accounts.telegram_bot_name,
        }
        api_method = match["method"].lower()
        if api_method == "getme":
            return {"ok": True, "result": bot}
        if api_method == "setwebhook":
            with self._changed:
                self.telegram_webhooks.append(body.get("url", ""))
                self.telegram_webhook_secrets.append(body.get("secret_token"))
            return {"ok": True, "result": True, "description": "Webhook was set"}
        if api_method == "sendmessage":
            self._record("telegram", body["chat_id"], body.get("text"), body)
            chat = {"id": int(body["chat_id"]), "type": "private"}
            message = {"message_id": next(self._ids), "from": bot, "chat": chat}
            message.update(date=int(time.time()), text=body["text"])
            return {"ok": True, "result": message}
        return {"ok": True, "result": True}

    def _slack(self, _method: str, path: str, headers: Any, body: dict[str, Any]) -> Any:
        if headers.get("Authorization") != f"Bearer {self.accounts.slack_token}":
            return {"ok": False, "error": "invalid_auth"}  # Slack answers 200 with ok: false
        if path == "/api/chat.postMessage":
            self._record("slack", body.get("channel"), body.get("text"), body)
            ts = f"{time.time():.6f}"
            return {"ok": True, "channel": body.get("channel"), "ts": ts, "message": body}
        return {"ok": True}

    def _twilio(self, method: str, path: str, headers: Any, body: dict[str, Any]) -> Any:
        sid, token = self.accounts.twilio_account_sid, self.accounts.twilio_auth_token
        expected = "Basic " + base64.b64encode(f"{sid}:{token}".encode()).decode()
        if headers.get("Authorization") != expected:
            raise Reply(401, {"code": 20003, "message": "Authenticate", "status": 401})
        if method != "POST" or path != f"/2010-04-01/Accounts/{sid}/Messages.json":
            raise Reply(404, {"code": 20404, "message": "not found", "status": 404})
        self._record("twilio", body.get("To"), body.get("Body"), body)
        message_sid = f"SM{next(self._ids):032x}"
        raise Reply(
            201,
            {
                "sid": message_sid,
                "account_sid": sid,
                "to": body.get("To"),
                "from": body.get("From"),
                "body": body.get("Body"),
                "status": "queued",
                "direction": "outbound-api",
                "num_segments": "1",
                "api_version": "2010-04-01",
                "date_created": time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime()),
                "uri": f"/2010-04-01/Accounts/{sid}/Messages/{message_sid}.json",
            },
        )

    def _botframework(self, method: str, path: str, headers: Any, body: dict[str, Any]) -> Any:
        if path == "/v1/.well-known/openidconfiguration":
            return {
                "issuer": "https://api.botframework.com",
                "jwks_uri": f"{self.url}/botframework/v1/.well-known/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
            }
        if path == "/v1/.well-known/keys":
            return self.accounts.botframework_jwks
        if path == "/login/botframework.com/oauth2/v2.0/token":
            if (
                body.get("grant_type") != "client_credentials"
                or body.get("client_id") != self.accounts.botframework_app_id
                or body.get("client_secret") != self.accounts.botframework_app_password
            ):
                raise Reply(401, {"error": "invalid_client"})
            token = f"bf-access-{next(self._ids)}"
            with self._changed:
                self._issued.add(token)
            return {"token_type": "Bearer", "expires_in": 3599, "access_token": token}
        match = re.fullmatch(r"/smba/[^/]+/v3/conversations/(?P<id>[^/]+)/activities", path)
        if method == "POST" and match:
            bearer = headers.get("Authorization", "").removeprefix("Bearer ")
            if bearer not in self._issued:
                raise Reply(401, {"error": {"code": "Unauthorized"}})
            self._record("botframework", unquote(match["id"]), body.get("text"), body)
            raise Reply(201, {"id": f"activity-{next(self._ids)}"})
        raise Reply(404, {"error": {"code": "NotFound"}})

    def _mattermost(self, method: str, path: str, headers: Any, body: dict[str, Any]) -> Any:
        if headers.get("Authorization") != f"Bearer {self.accounts.mattermost_token}":
            raise Reply(401, {"id": "api.context.session_expired.app_error", "status_code": 401})
        if method == "POST" and path == "/api/v4/posts":
            self._record("mattermost", body.get("channel_id"), body.get("message"), body)
            post = {"id": f"post{next(self._ids)}", "create_at": int(time.time() * 1000)}
            raise Reply(201, {**post, **body})  # Mattermost answers 201 Created
        raise Reply(404, {"id": "api.context.404.app_error", "status_code": 404})

    def _rocketchat(self, method: str, path: str, headers: Any, body: dict[str, Any]) -> Any:
        if method == "POST" and path == "/api/v1/login":
            user = body.get("username") or body.get("user")
            if (user, body.get("password")) != (
                self.accounts.rocketchat_user,
                self.accounts.rocketchat_password,
            ):
                raise Reply(401, {"status": "error", "error": "Unauthorized"})
            token = f"rc-auth-{next(self._ids)}"
            with self._changed:
                self._issued.add(token)
            return {"status": "success", "data": {"authToken": token, "userId": "bot-user-id"}}
        if headers.get("X-Auth-Token") not in self._issued:
            raise Reply(401, {"status": "error", "message": "You must be logged in to do this."})
        if method == "POST" and path == "/api/v1/chat.postMessage":
            self._record("rocketchat", body.get("roomId"), body.get("text"), body)
            message = {"_id": f"msg{next(self._ids)}", "rid": body["roomId"], "msg": body["text"]}
            return {"success": True, "channel": body.get("roomId"), "message": message}
        raise Reply(404, {"success": False, "error": "not found"})


class _Handler(BaseHTTPRequestHandler):
    server_version = "FakePlatforms/1"

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        platforms: FakePlatforms = self.server.platforms  # type: ignore[attr-defined]
        parts = urlsplit(self.path)
        body = _parse_body(
            self.rfile.read(int(self.headers.get("Content-Length") or 0)),
            self.headers.get("Content-Type", ""),
        )
        body.update(dict(parse_qsl(parts.query)))
        status, answer = platforms.handle(self.command, unquote(parts.path), self.headers, body)
        with platforms._changed:
            platforms.requests.append(f"{self.command} {parts.path} -> {status}")
        payload = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _parse_body(raw: bytes, content_type: str) -> dict[str, Any]:
    """JSON, URL-encoded or multipart form: a dict of fields (the first value of each)."""
    if not raw:
        return {}
    kind = content_type.split(";")[0].strip().lower()
    # Rasa's Mattermost connector posts JSON without a Content-Type; Mattermost reads it anyway.
    if kind == "application/json" or (not kind and raw.lstrip().startswith(b"{")):
        parsed = json.loads(raw)
        return parsed if isinstance(parsed, dict) else {"json": parsed}
    if kind == "multipart/form-data":
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + raw
        )
        fields = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            assert isinstance(name, str) and isinstance(payload, bytes), part
            fields[name] = payload.decode()
        return fields
    return dict(parse_qsl(raw.decode()))
