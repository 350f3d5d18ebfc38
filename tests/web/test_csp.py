"""The web chat's Content-Security-Policy comes from configuration, never from the request (issue
18, item 15): the Host header used to be copied into connect-src, so a client could write into
the policy the page is served with."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer

import pytest

from web.server import PAGE_DIR, ChatRequestHandler, rasa_sources


@pytest.fixture()
def port() -> Iterator[int]:
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(ChatRequestHandler, directory=str(PAGE_DIR))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def _policy(port: int, host_header: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.putrequest("GET", "/", skip_host=True)
    connection.putheader("Host", host_header)
    connection.endheaders()
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 200
    return response.getheader("Content-Security-Policy") or ""


@pytest.mark.parametrize(
    "host_header", ["evil.example", "evil.example:80", "x; script-src * 'unsafe-inline'"]
)
def test_the_host_header_never_reaches_the_policy(port: int, host_header: str) -> None:
    policy = _policy(port, host_header)
    assert "evil" not in policy and "unsafe-inline" not in policy
    assert policy.count("script-src") == 1
    connect = next(part for part in policy.split(";") if "connect-src" in part).split()[1:]
    assert connect == ["'self'", *rasa_sources("127.0.0.1", 5005, None)]
    assert _policy(port, "localhost:8080") == policy  # the same whoever asks


def test_the_sources_follow_the_configuration() -> None:
    assert rasa_sources("127.0.0.1", 5005, None) == [
        "http://127.0.0.1:5005",
        "ws://127.0.0.1:5005",
        "http://localhost:5005",
        "ws://localhost:5005",
        "http://[::1]:5005",
        "ws://[::1]:5005",
    ]
    assert rasa_sources("0.0.0.0", 5005, None) == ["http://*:5005", "ws://*:5005"]
    assert rasa_sources("0.0.0.0", 5005, "https://chat.example.org") == [
        "https://chat.example.org",
        "wss://chat.example.org",
    ]
    assert rasa_sources("0.0.0.0", 5005, "http://10.1.2.3:7000/") == [
        "http://10.1.2.3:7000",
        "ws://10.1.2.3:7000",
    ]


@pytest.mark.parametrize("url", ["chat.example.org", "javascript:alert(1)", "https://"])
def test_a_malformed_public_url_is_refused(url: str) -> None:
    with pytest.raises(ValueError):
        rasa_sources("0.0.0.0", 5005, url)
