"""Sign-in throttling (issue 18, item 7), with truly parallel requests against a real uvicorn: an
attempt is counted before its password is checked, so 40 parallel guesses get 5 checks, not 22;
the lock is per (username, address), so a stranger cannot lock an officer out; each lockout of
the same pair lasts longer than the one before. The counts are the database's (issue 22): two
replicas on one database, or one restarted, give a guesser no more checks than one process."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from lookup.console import auth
from lookup.console.throttle import LoginThrottle
from lookup.settings import Settings
from lookup.store.models import SignInAttempt, SignInKey
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


def _guess_in_parallel(urls: list[str]) -> list[int]:
    """PARALLEL wrong passwords for the officer, spread over the servers at `urls`."""
    sessions = [_browser(urls[i % len(urls)]) for i in range(PARALLEL)]
    with ThreadPoolExecutor(PARALLEL) as pool:
        statuses = list(
            pool.map(lambda s: _sign_in(s[0], s[1], OFFICER[0], "wrong password!!"), sessions)
        )
    for client, _token in sessions:
        client.close()
    return statuses


def test_two_replicas_on_one_database_check_no_more_than_the_limit(
    make_client: Callable[..., TestClient], settings: Settings, checked: list[str]
) -> None:
    limited = settings.model_copy(update={"login_max_failures": LIMIT})
    first = make_client(limited)
    second = make_client(limited, seed=False)  # another replica: same database, its own memory
    with live_server(first.app) as one, live_server(second.app) as two:
        statuses = _guess_in_parallel([one, two])
        assert len(checked) <= LIMIT
        assert statuses.count(429) == PARALLEL - len(checked)
        for url in (one, two):  # locked at both, even with the right password
            client, token = _browser(url)
            assert _sign_in(client, token, OFFICER[0], OFFICER[1]) == 429
            client.close()
        officer, token = _browser(two, "127.0.0.2")  # the officer, elsewhere, signs in
        assert _sign_in(officer, token, OFFICER[0], OFFICER[1]) == 303
        officer.close()


def test_a_restart_gives_no_attempts_back(
    make_client: Callable[..., TestClient], settings: Settings
) -> None:
    before = make_client(settings.model_copy(update={"login_max_failures": LIMIT}))
    for _ in range(LIMIT):
        assert _form_sign_in(before, "wrong password!!") == 401
    after = make_client(settings.model_copy(update={"login_max_failures": LIMIT}), seed=False)
    assert _form_sign_in(after, OFFICER[1]) == 429


def _form_sign_in(client: TestClient, password: str) -> int:
    page = client.get("/console/login").text
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match
    data = {"username": OFFICER[0], "password": password, "csrf_token": match.group(1)}
    return client.post("/console/login", data=data).status_code


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2027, 1, 18, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def factory(make_client: Callable[..., TestClient], settings: Settings) -> sessionmaker[Session]:
    """Sessions of the test's database (SQLite and PostgreSQL)."""
    return make_client(settings, seed=False).app.state.session_factory  # type: ignore[attr-defined]


@pytest.fixture
def throttle_of(factory: sessionmaker[Session], clock: FakeClock) -> Callable[..., LoginThrottle]:
    """A throttle on the test's database, on the fake clock; each call is another replica."""

    def make(max_failures: int, window: float, **kwargs: Any) -> LoginThrottle:
        return LoginThrottle(factory, max_failures, window, clock, **kwargs)

    return make


def _fail(throttle: LoginThrottle, user: str, address: str, times: int) -> None:
    for _ in range(times):
        assert throttle.begin(user, address) is None
        throttle.failed(user, address)


def test_each_lockout_of_the_same_pair_lasts_twice_as_long(
    throttle_of: Callable[..., LoginThrottle], clock: FakeClock
) -> None:
    one, other = throttle_of(3, 60), throttle_of(3, 60)
    _fail(one, "nadia", "10.0.0.9", 3)
    assert other.begin("nadia", "10.0.0.9") == 60
    clock.advance(61)
    _fail(other, "nadia", "10.0.0.9", 3)
    assert one.begin("nadia", "10.0.0.9") == 120
    clock.advance(121)
    _fail(one, "nadia", "10.0.0.9", 3)
    assert other.begin("nadia", "10.0.0.9") == 240
    # Another address, the same name: not locked.
    assert one.begin("nadia", "10.0.0.10") is None


def test_one_address_gets_a_bounded_number_of_attempts_across_usernames(
    throttle_of: Callable[..., LoginThrottle], clock: FakeClock
) -> None:
    one, other = throttle_of(3, 60, max_per_address=4), throttle_of(3, 60, max_per_address=4)
    for i, name in enumerate(("a1", "a2", "a3", "a4")):
        _fail((one, other)[i % 2], name, "10.0.0.9", 1)
        clock.advance(5)
    assert one.begin("a5", "10.0.0.9") == 60 - 20  # when the first of the four leaves the window
    assert other.begin("a5", "10.0.0.8") is None
    clock.advance(41)
    assert other.begin("a5", "10.0.0.9") is None


def test_a_good_password_clears_the_pair(throttle_of: Callable[..., LoginThrottle]) -> None:
    throttle = throttle_of(3, 60)
    _fail(throttle, "nadia", "10.0.0.9", 2)
    assert throttle.begin("nadia", "10.0.0.9") is None
    throttle.succeeded("nadia", "10.0.0.9")
    _fail(throttle, "nadia", "10.0.0.9", 2)  # the count started again
    assert throttle.begin("nadia", "10.0.0.9") is None


def test_old_attempts_are_forgotten(
    throttle_of: Callable[..., LoginThrottle], clock: FakeClock, factory: sessionmaker[Session]
) -> None:
    throttle = throttle_of(3, 60)
    _fail(throttle, "nadia", "10.0.0.9", 2)
    clock.advance(25 * 3600)
    _fail(throttle, "omar", "10.0.0.7", 1)  # a failure sweeps what the window left behind
    with factory() as session:
        left = session.scalars(select(SignInAttempt.username)).all()
        keys = session.scalars(select(SignInKey.address)).all()
    assert left == ["omar"]
    assert sorted(keys) == ["10.0.0.7", "10.0.0.7"]
