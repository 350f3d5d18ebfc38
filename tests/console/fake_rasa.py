"""A stand-in for Rasa's HTTP API: a real HTTP server on a free port, in a thread, that records
every trigger_intent call and answers tracker reads. It can be told to fail the next N calls,
or every call, like a Rasa that is down or restarting."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass
class Call:
    sender_id: str
    output_channel: str | None
    name: str
    entities: dict[str, Any]
    token: str | None


@dataclass
class FakeRasa:
    languages: dict[str, str] = field(default_factory=dict)  # sender -> `language` slot
    fail_next: int = 0  # trigger_intent calls to refuse with HTTP 500 before accepting again
    failing: bool = False  # refuse every trigger_intent call
    calls: list[Call] = field(default_factory=list)  # accepted ones
    refused: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> FakeRasa:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _answer(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                parts = url.path.strip("/").split("/")
                if len(parts) == 3 and parts[0] == "conversations" and parts[2] == "tracker":
                    sender = unquote(parts[1])
                    self._answer(
                        200,
                        {"sender_id": sender, "slots": {"language": fake.languages.get(sender)}},
                    )
                else:
                    self._answer(404, {"message": "not found"})

            def do_POST(self) -> None:
                url = urlsplit(self.path)
                query = parse_qs(url.query)
                parts = url.path.strip("/").split("/")
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if not (len(parts) == 3 and parts[2] == "trigger_intent"):
                    self._answer(404, {"message": "not found"})
                    return
                with fake._lock:
                    refuse = fake.failing or fake.fail_next > 0
                    if fake.fail_next > 0:
                        fake.fail_next -= 1
                    if refuse:
                        fake.refused += 1
                    else:
                        fake.calls.append(
                            Call(
                                sender_id=unquote(parts[1]),
                                output_channel=query.get("output_channel", [None])[0],
                                name=body.get("name"),
                                entities=body.get("entities") or {},
                                token=query.get("token", [None])[0],
                            )
                        )
                if refuse:
                    self._answer(500, {"message": "Rasa is having a bad day"})
                else:
                    self._answer(200, {"tracker": {}, "messages": []})

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        assert isinstance(host, str)
        return f"http://{host}:{port}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def messages(self) -> list[tuple[str, str | None, str | None]]:
        """(sender, channel, text) of every liaison_message accepted."""
        with self._lock:
            return [
                (c.sender_id, c.output_channel, c.entities.get("liaison_text"))
                for c in self.calls
                if c.name == "liaison_message"
            ]
