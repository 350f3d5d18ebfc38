"""Sign-in throttling (issue 18, item 7), with truly parallel requests against a real uvicorn: an
attempt is counted before its password is checked, so 40 parallel guesses get 5 checks, not 22;
the lock is per (username, address), so a stranger cannot lock an officer out; each lockout of
the same pair lasts longer than the one before."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from lookup.console import auth
from lookup.console.throttle import LoginThrottle
from lookup.settings import Settings
from tests.console.conftest import OFFICER
from tests.live_server import live_server

PARALLEL = 40
LIMIT = 5


@pytest.fixture
def base_url(make_client: Callable[..., TestClient], sqlite_settings: Settings) -> Iterator[str]:
    client = make_client(sqlite_settings.model_copy(update={"login_max_failures": LIMIT}))
    with live_server(client.app) as url:
        yield url


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The usernames whose password was actually verified."""
    seen: list[str] = []
    lock = threading.Lock()
    real = auth.authenticate

    def counting(session: Any, username: str, password: str, at: Any) -> Any:
        with lock:
            seen.append(username)
        return real(session, username, password, at)

    monkeypatch.setattr(auth, "authenticate", counting)
    return seen


def _browser(base_url: str, address: str = "127.0.0.1") -> tuple[httpx.Client, str]:
    """A client from `address` with a console session and its CSRF token."""
    client = httpx.Client(
        base_url=base_url,
        timeout=30,
        follow_redirects=False,
        transport=httpx.HTTPTransport(local_address=address),
    )
    page = client.get("/console/login").text
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match
    return client, match.group(1)


def _sign_in(client: httpx.Client, token: str, username: str, password: str) -> int:
    data = {"username": username, "password": password, "csrf_token": token}
    return client.post("/console/login", data=data).status_code


def test_parallel_wrong_passwords_are_checked_no_more_than_the_limit(
    base_url: str, checked: list[str]
) -> None:
    sessions = [_browser(base_url) for _ in range(PARALLEL)]
    with ThreadPoolExecutor(PARALLEL) as pool:
        statuses = list(
            pool.map(lambda s: _sign_in(s[0], s[1], OFFICER[0], "wrong password!!"), sessions)
        )
    assert len(checked) <= LIMIT
    assert statuses.count(401) == len(checked)
    assert statuses.count(429) == PARALLEL - len(checked)
    # The attacker's address stays locked, even with the right password ...
    attacker, token = sessions[0]
    assert _sign_in(attacker, token, OFFICER[0], OFFICER[1]) == 429
    # ... but the officer, elsewhere, signs in.
    officer, token = _browser(base_url, "127.0.0.2")
    assert _sign_in(officer, token, OFFICER[0], OFFICER[1]) == 303
    for client, _token in sessions:
        client.close()
    officer.close()


def test_a_refusal_says_when_to_try_again(base_url: str) -> None:
    client, token = _browser(base_url)
    for _ in range(LIMIT):
        assert _sign_in(client, token, OFFICER[0], "wrong password!!") == 401
    refused = client.post(
        "/console/login",
        data={"username": OFFICER[0], "password": "x", "csrf_token": token},
    )
    assert refused.status_code == 429
    assert 0 < int(refused.headers["retry-after"]) <= 300
    client.close()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _fail(throttle: LoginThrottle, user: str, address: str, times: int) -> None:
    for _ in range(times):
        assert throttle.begin(user, address) is None
        throttle.failed(user, address)


def test_each_lockout_of_the_same_pair_lasts_twice_as_long() -> None:
    clock = FakeClock()
    throttle = LoginThrottle(3, 60, clock)
    _fail(throttle, "nadia", "10.0.0.9", 3)
    assert throttle.begin("nadia", "10.0.0.9") == pytest.approx(60)
    clock.now += 61
    _fail(throttle, "nadia", "10.0.0.9", 3)
    assert throttle.begin("nadia", "10.0.0.9") == pytest.approx(120)
    clock.now += 121
    _fail(throttle, "nadia", "10.0.0.9", 3)
    assert throttle.begin("nadia", "10.0.0.9") == pytest.approx(240)
    # Another address, the same name: not locked.
    assert throttle.begin("nadia", "10.0.0.10") is None


def test_one_address_gets_a_bounded_number_of_attempts_across_usernames() -> None:
    throttle = LoginThrottle(3, 60, FakeClock(), max_per_address=4)
    for name in ("a1", "a2", "a3", "a4"):
        _fail(throttle, name, "10.0.0.9", 1)
    assert throttle.begin("a5", "10.0.0.9") is not None
    assert throttle.begin("a5", "10.0.0.8") is None


def test_a_good_password_clears_the_pair() -> None:
    throttle = LoginThrottle(3, 60, FakeClock())
    _fail(throttle, "nadia", "10.0.0.9", 2)
    assert throttle.begin("nadia", "10.0.0.9") is None
    throttle.succeeded("nadia", "10.0.0.9")
    _fail(throttle, "nadia", "10.0.0.9", 2)  # the count started again
    assert throttle.begin("nadia", "10.0.0.9") is None
