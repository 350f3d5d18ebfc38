"""Slow and oversized uploads against a real uvicorn (issue 18, item 4): 24 clients that send their
headers and then trickle their bodies must not stop the service answering anyone else, console
included; bodies have a deadline (408) and a size cap (413)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from lookup.app import create_app
from lookup.packs.importer import import_pack
from lookup.packs.loader import load_pack
from lookup.settings import Settings
from tests.live_server import live_server
from tests.lookup.conftest import ADMIN_TOKEN, SERVICE_TOKEN
from tests.packs import SAMPLE_PACK

STALLED = 24
BODY_TIMEOUT = 6.0


@pytest.fixture
def base_url(tmp_path: Path) -> Iterator[str]:
    settings = Settings(
        data_dir=tmp_path / "data",
        admin_tokens=f"Capt. Test:{ADMIN_TOKEN}",
        service_token=SERVICE_TOKEN,
        db_pool_size=4,
        db_max_overflow=2,  # 4 request slots: fewer than the stalled uploads
        request_body_timeout=BODY_TIMEOUT,
    )
    app = create_app(settings)
    import_pack(app.state.session_factory, load_pack(SAMPLE_PACK).pack)
    with live_server(app) as url:
        yield url
    app.state.engine.dispose()


def _open_upload(base_url: str, path: str, headers: str) -> socket.socket:
    host, port = base_url.removeprefix("http://").split(":")
    connection = socket.create_connection((host, int(port)), timeout=BODY_TIMEOUT + 10)
    connection.sendall(f"POST {path} HTTP/1.1\r\nHost: {host}\r\n{headers}\r\n".encode())
    return connection


def _status(connection: socket.socket) -> int:
    head = b""
    while b"\r\n" not in head:
        chunk = connection.recv(4096)
        if not chunk:
            break
        head += chunk
    return int(head.split(b" ", 2)[1])


def test_stalled_uploads_do_not_hold_up_the_service(base_url: str) -> None:
    uploads = [
        _open_upload(
            base_url,
            "/v1/admin/items/topic",
            f"Authorization: Bearer {ADMIN_TOKEN}\r\n"
            "Content-Type: application/json\r\nContent-Length: 10000\r\n",
        )
        for _ in range(STALLED)
    ]
    stop = threading.Event()

    def trickle() -> None:  # one byte per upload every half second: never complete in time
        while not stop.is_set():
            for upload in uploads:
                with contextlib.suppress(OSError):
                    upload.sendall(b" ")
            stop.wait(0.5)

    trickler = threading.Thread(target=trickle, daemon=True)
    trickler.start()
    try:
        time.sleep(0.5)  # every upload has reached the service
        started = time.monotonic()
        with httpx.Client(base_url=base_url, timeout=3) as client:
            assert client.get("/health").status_code == 200
            assert client.get("/console/login").status_code == 200
            meals = client.get(
                "/v1/topics/meals",
                params={"lang": "en"},
                headers={"Authorization": f"Bearer {SERVICE_TOKEN}"},
            )
            assert meals.status_code == 200
        assert time.monotonic() - started < 3
    finally:
        stop.set()
        trickler.join()
    # ... and each stalled upload is sent away once its deadline passes.
    statuses = [_status(upload) for upload in uploads]
    for upload in uploads:
        upload.close()
    assert statuses == [408] * STALLED


def test_a_body_over_the_cap_is_413_before_it_is_read(base_url: str) -> None:
    declared = _open_upload(
        base_url,
        "/v1/admin/items/topic",
        "Content-Type: application/json\r\nContent-Length: 5242880\r\n",
    )
    with declared:
        assert _status(declared) == 413  # answered without sending a byte of the body
    with httpx.Client(base_url=base_url, timeout=10) as client:
        big = client.post(
            "/v1/admin/items/topic",
            content=b'{"id": "x", "text": "' + b"a" * (5 * 1024 * 1024) + b'"}',
            headers={"Authorization": f"Bearer {ADMIN_TOKEN}", "Content-Type": "application/json"},
        )
        assert big.status_code == 413
        assert "at most 65536 bytes" in big.json()["detail"]
        login = client.post("/console/login", data={"username": "x", "password": "y" * 8000})
        assert login.status_code == 413


def test_a_handoff_with_a_long_transcript_fits_its_larger_cap(base_url: str) -> None:
    """50 lines of 4,000 Arabic characters: about 400 KB of JSON, over the 64 KiB default."""
    line = {"speaker": "visitor", "text": "س" * 4000, "time": "2027-01-20T10:00:00Z"}
    handoff = {
        "sender_id": "v1",
        "channel": "socketio",
        "language": "ar",
        "reason": "asked",
        "transcript": [line] * 50,
    }
    with httpx.Client(base_url=base_url, timeout=30) as client:
        response = client.post(
            "/v1/handoffs", json=handoff, headers={"Authorization": f"Bearer {SERVICE_TOKEN}"}
        )
        assert response.status_code != 413, response.text
        assert response.status_code < 500, response.text
        too_big = client.post(
            "/v1/handoffs",
            content=b"[" + b" " * (1024 * 1024) + b"]",
            headers={"Content-Type": "application/json"},
        )
        assert too_big.status_code == 413


def test_a_chunked_body_without_a_length_is_capped_too(base_url: str) -> None:
    chunked = _open_upload(
        base_url,
        "/v1/admin/items/topic",
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
    )
    with chunked:
        chunk = b"a" * 16384
        # The service may close the connection as soon as the cap is passed.
        with contextlib.suppress(OSError):
            for _ in range(8):  # 128 KiB, twice the cap
                chunked.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        assert _status(chunked) == 413


def test_ordinary_writes_still_go_through(base_url: str) -> None:
    with httpx.Client(base_url=base_url, timeout=10) as client:
        response = client.patch(
            "/v1/admin/items/exercise/" + load_pack(SAMPLE_PACK).pack.exercise.id,
            json={"summary": {"en": "Still editable."}},
            headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
        )
        assert response.status_code == 200, response.text
