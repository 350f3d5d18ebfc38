"""Start, watch and stop the assistant's processes: lookup service, action server, Rasa, web chat.

Used by `make run` (python -m tools.stack) and by the end-to-end tests, so both start the stack the
same way. Standard library only: it runs from either environment. Each process gets its own
process group and log file; stopping sends SIGTERM to the group, then SIGKILL after a grace period,
so nothing is left holding a port.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, TracebackType

from bot import rasa_config

ROOT = Path(__file__).resolve().parent.parent
STOP_GRACE_SECONDS = 15.0
# How often a starting service's readiness is asked (Stack._wait_ready).
READY_POLL_SECONDS = 0.1
# Rasa's Sanic reads and parses a request body of up to 100 MB before any of our checks see it;
# 1 MiB holds the longest chat message the guard takes (LIAISON_MAX_MESSAGE_CHARS) many times
# over. SANIC_REQUEST_MAX_SIZE in the environment overrides it.
RASA_MAX_BODY_BYTES = 1 << 20


@dataclass
class Service:
    name: str
    argv: list[str]
    port: int
    ready_path: str
    ready_check: Callable[[bytes], bool] = lambda _body: True
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None
    host: str | None = None  # the interface it binds to, when not StackConfig.host


@dataclass
class StackConfig:
    """Where things are and which ports to use; defaults match `make run`."""

    rasa_env: Path = ROOT / ".venv" / "rasa"
    lookup_env: Path = ROOT / ".venv" / "lookup"
    model: Path = ROOT / "models" / "current.tar.gz"
    # LIAISON_HOST: where visitors reach the chat (Rasa, the web chat). The lookup service, with
    # the console, the admin API and the intake routes, stays on LIAISON_LOOKUP_HOST, and the
    # action server (no authentication in rasa_sdk: a forged tracker makes it call the lookup
    # service as the bot) on LIAISON_ACTIONS_HOST, both loopback unless told otherwise: opening
    # the chat to the network must not open those (issue 18).
    host: str = "127.0.0.1"
    lookup_host: str = "127.0.0.1"
    actions_host: str = "127.0.0.1"
    rasa_port: int = 5005
    actions_port: int = 5055
    lookup_port: int = 8000
    webchat_port: int = 8080
    log_dir: Path = ROOT / "var" / "log"
    env: dict[str, str] = field(default_factory=dict)
    # Guards Rasa's HTTP API (conversations, trigger_intent): the lookup service gets it to send
    # officer replies and announcements; nobody else needs it. A new one each run unless given.
    rasa_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    # The action server's bearer token for the lookup service's /v1 (intake and reads), passed to
    # both through their environment, never a command line. A new one each run unless given.
    service_token: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    @property
    def data_dir(self) -> Path:
        """Where the lookup database, Rasa's tracker store and this run's Rasa files live."""
        return Path(
            self.env.get("LIAISON_DATA_DIR") or os.environ.get("LIAISON_DATA_DIR") or ROOT / "var"
        ).resolve()

    def environment(self) -> dict[str, str]:
        return {**os.environ, **self.env}

    @classmethod
    def from_environment(cls) -> StackConfig:
        env = os.environ
        defaults = cls()
        return cls(
            rasa_env=Path(env.get("LIAISON_RASA_ENV", defaults.rasa_env)),
            lookup_env=Path(env.get("LIAISON_LOOKUP_ENV", defaults.lookup_env)),
            model=Path(env.get("LIAISON_MODEL", defaults.model)),
            host=env.get("LIAISON_HOST", defaults.host),
            lookup_host=env.get("LIAISON_LOOKUP_HOST", defaults.lookup_host),
            actions_host=env.get("LIAISON_ACTIONS_HOST", defaults.actions_host),
            rasa_port=int(env.get("LIAISON_RASA_PORT", defaults.rasa_port)),
            actions_port=int(env.get("LIAISON_ACTIONS_PORT", defaults.actions_port)),
            lookup_port=int(env.get("LIAISON_LOOKUP_PORT", defaults.lookup_port)),
            webchat_port=int(env.get("LIAISON_WEBCHAT_PORT", defaults.webchat_port)),
            rasa_token=env.get("LIAISON_RASA_TOKEN") or defaults.rasa_token,
            service_token=env.get("LIAISON_SERVICE_TOKEN") or defaults.service_token,
            log_dir=Path(env.get("LIAISON_LOG_DIR", defaults.log_dir)),
        )


def _rasa_has_model(body: bytes) -> bool:
    try:
        return bool(json.loads(body).get("model_file"))
    except ValueError:
        return False


def build_services(config: StackConfig) -> list[Service]:
    """The processes, in start order: each one's dependency comes first."""
    loopback = _reachable(config.host)
    lookup_url = f"http://{_reachable(config.lookup_host)}:{config.lookup_port}"
    actions_url = f"http://{_reachable(config.actions_host)}:{config.actions_port}/webhook"
    rasa_url = f"http://{loopback}:{config.rasa_port}"
    rasa_bin = config.rasa_env / "bin"
    rasa_files = config.data_dir / "run"
    return [
        Service(
            name="lookup",
            argv=[
                str(config.lookup_env / "bin" / "uvicorn"),
                "lookup.app:create_app",
                "--factory",
                "--host",
                config.lookup_host,
                "--port",
                str(config.lookup_port),
            ],
            port=config.lookup_port,
            host=config.lookup_host,
            ready_path="/health",
            # Officer replies and announcements go out through Rasa's HTTP API.
            env={
                "LIAISON_RASA_URL": rasa_url,
                "LIAISON_RASA_TOKEN": config.rasa_token,
                "LIAISON_SERVICE_TOKEN": config.service_token,
            },
        ),
        Service(
            name="actions",
            argv=[
                str(rasa_bin / "python"),
                "-m",
                "rasa_sdk",
                "--actions",
                "actions",
                "--port",
                str(config.actions_port),
            ],
            port=config.actions_port,
            ready_path="/health",
            env={
                "LIAISON_LOOKUP_URL": lookup_url,
                "LIAISON_SERVICE_TOKEN": config.service_token,
                # rasa_sdk binds to SANIC_HOST (0.0.0.0 when unset), never to a --interface.
                "SANIC_HOST": config.actions_host,
            },
            host=config.actions_host,
        ),
        Service(
            name="rasa",
            # `rasa run` with our patches of Rasa internals (bot/patches), as LIAISON_RASA_PATCHES
            # in this environment or in StackConfig.env says (`_launch` passes both on)
            argv=[
                str(rasa_bin / "python"),
                "-m",
                "bot.rasa_server",
                "run",
                "--enable-api",
                "--interface",
                config.host,
                "--port",
                str(config.rasa_port),
                "--model",
                str(config.model),
                "--endpoints",
                str(rasa_files / "endpoints.yml"),
                "--credentials",
                str(rasa_files / "credentials.yml"),
            ],
            port=config.rasa_port,
            ready_path=f"/status?token={config.rasa_token}",
            ready_check=_rasa_has_model,
            env={
                "LIAISON_ACTION_ENDPOINT": actions_url,
                # Not --auth-token: a command line is readable by every local user
                # (/proc/<pid>/cmdline); bot.rasa_server passes it to Rasa in-process.
                "LIAISON_RASA_TOKEN": config.rasa_token,
                "SANIC_REQUEST_MAX_SIZE": config.environment().get(
                    "SANIC_REQUEST_MAX_SIZE", str(RASA_MAX_BODY_BYTES)
                ),
                **rasa_config.store_passwords(config.environment()),
            },
        ),
        Service(
            name="webchat",
            argv=[
                str(rasa_bin / "python"),
                "-m",
                "web.server",
                "--host",
                config.host,
                "--port",
                str(config.webchat_port),
                "--rasa-port",
                str(config.rasa_port),
            ],
            port=config.webchat_port,
            ready_path="/",
        ),
    ]


class StackError(RuntimeError):
    pass


class Stack:
    def __init__(self, config: StackConfig, startup_timeout: float = 240.0) -> None:
        self.config = config
        self.startup_timeout = startup_timeout
        self.services = {service.name: service for service in build_services(config)}

    def url(self, name: str) -> str:
        service = self.services[name]
        return f"http://{_reachable(service.host or self.config.host)}:{service.port}"

    def start(self, progress: Callable[[str], None] = lambda _message: None) -> None:
        """Start every process, then wait until each answers; on any failure stop them all."""
        self._check_prerequisites()
        rasa_config.write_rasa_files(self.config.environment(), self.config.data_dir)
        _tracker_db_in_wal_mode(self.config)
        try:
            for service in self.services.values():
                self._launch(service)
            for service in self.services.values():
                progress(f"waiting for {service.name} on port {service.port} ...")
                self._wait_ready(service)
                progress(f"{service.name} is up")
        except BaseException:
            self.stop()
            raise

    def stop(self, name: str | None = None) -> None:
        """Stop one service, or all of them in reverse start order."""
        names = [name] if name else list(reversed(self.services))
        for service_name in names:
            _terminate(self.services[service_name])

    def rasa_api(self, path: str) -> str:
        """A URL of Rasa's HTTP API, with this run's token."""
        return f"{self.url('rasa')}{path}?token={self.config.rasa_token}"

    def restart(self, name: str) -> None:
        """Stop one process and start it again (its state must survive: that is what this tests)."""
        service = self.services[name]
        _terminate(service)
        self._launch(service)
        self._wait_ready(service)

    def dead(self) -> list[Service]:
        return [
            service
            for service in self.services.values()
            if service.process is not None and service.process.poll() is not None
        ]

    def __enter__(self) -> Stack:
        self.start()
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _error: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _check_prerequisites(self) -> None:
        missing = [
            path
            for path in (
                self.config.rasa_env / "bin" / "rasa",
                self.config.lookup_env / "bin" / "uvicorn",
                self.config.model,
            )
            if not path.exists()
        ]
        if missing:
            raise StackError(
                "missing: " + ", ".join(map(str, missing)) + " (run `make run`, which creates them)"
            )
        busy = [
            s for s in self.services.values() if not _port_free(s.host or self.config.host, s.port)
        ]
        if busy:
            raise StackError(
                "port(s) already in use: "
                + ", ".join(f"{s.port} ({s.name})" for s in busy)
                + "; is another `make run` still up?"
            )

    def _launch(self, service: Service) -> None:
        self.config.log_dir.mkdir(parents=True, exist_ok=True)
        service.log_path = self.config.log_dir / f"{service.name}.log"
        env = {
            **os.environ,
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PYTHONUNBUFFERED": "1",
            **self.config.env,
            **service.env,
        }
        with service.log_path.open("ab") as log:
            service.process = subprocess.Popen(
                service.argv,
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )

    def _wait_ready(self, service: Service) -> None:
        deadline = time.monotonic() + self.startup_timeout
        url = f"{self.url(service.name)}{service.ready_path}"
        while time.monotonic() < deadline:
            assert service.process is not None
            if service.process.poll() is not None:
                raise StackError(
                    f"{service.name} exited with code {service.process.returncode} while starting;"
                    f" last lines of {service.log_path}:\n{tail(service.log_path)}"
                )
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200 and service.ready_check(response.read()):
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            # A refused connection costs microseconds: polled every 0.1 s, a service is seen
            # ready 0.05 s after it is on average, not 0.25 s (every stack the tests start).
            time.sleep(READY_POLL_SECONDS)
        raise StackError(
            f"{service.name} did not answer {url} within {self.startup_timeout:.0f} s;"
            f" last lines of {service.log_path}:\n{tail(service.log_path)}"
        )


def _tracker_db_in_wal_mode(config: StackConfig) -> None:
    """The default SQLite tracker store with a write-ahead log (a setting kept in the file): a
    turn's commit then syncs one log append, not a rollback journal and the database, which held
    up Rasa's event loop for a third of a custom-action turn's latency (docs/bench.md). Every
    commit is still synced: no conversation is less durable. An explicit LIAISON_TRACKER_STORE
    is left as configured."""
    if config.environment().get("LIAISON_TRACKER_STORE"):
        return
    with contextlib.closing(sqlite3.connect(config.data_dir / "tracker.db")) as database:
        database.execute("PRAGMA journal_mode=WAL")


def _terminate(service: Service) -> None:
    process = service.process
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass
    # Whatever the process itself started (none today) goes with its group.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def _die_with_parent() -> None:
    """Linux: if the supervisor is killed outright, its children get SIGTERM, not orphaned."""
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _reachable(host: str) -> str:
    """Where to connect to a server bound to `host` from this machine."""
    return "127.0.0.1" if host in ("0.0.0.0", "::") else host


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def tail(path: Path | None, lines: int = 25) -> str:
    if path is None or not path.exists():
        return "(no log)"
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def _enrolment_lines(stack: Stack) -> str:
    """The codes `make exercise` made per contingent (var/enrolment-codes, owner-only), so a
    newcomer can try the participants' answers: send one to the bot (issue 19)."""
    path = stack.config.data_dir / "enrolment-codes"
    try:
        pairs = [line.split() for line in path.read_text().splitlines() if line.strip()]
    except OSError:
        return ""
    codes = "".join(f"\n  {p[0]:<16}{p[1]}" for p in pairs if len(p) == 2)
    if not codes:
        return ""
    header = "Enrolment codes (send one to the bot to see participants' answers)"
    return f"{header}, from {path}:{codes}\n"


def _banner(stack: Stack) -> str:
    rasa, lookup, actions = stack.url("rasa"), stack.url("lookup"), stack.url("actions")
    connectors = rasa_config.enabled_connectors(stack.config.environment())
    public = f"<public URL of :{stack.config.rasa_port}>"
    tracker_store = stack.config.environment().get("LIAISON_TRACKER_STORE")
    conversations = rasa_config.redacted(tracker_store or f"{stack.config.data_dir}/tracker.db")
    channel_lines = "".join(
        f"\n  {c.platform:<16}webhook {public}{c.webhook_path}" for c in connectors
    )
    return f"""
Liaison is up.
  Web chat        {stack.url("webchat")}/
  REST            curl -s {rasa}/webhooks/rest/webhook -H 'Content-Type: application/json' \\
                       -d '{{"sender": "me", "message": "When is lunch?"}}'{channel_lines}
  Rasa server     {rasa}      (socket.io and REST channels, HTTP API on)
  action server   {actions}/health
  lookup service  {lookup}/health   (API docs at /docs when LIAISON_DOCS=1)
Liaison team:
  console         {lookup}/console/   (first an account: .venv/lookup/bin/liaison add-staff NAME)
  briefings       {lookup}/v1/briefings/<nation>/briefing?lang=en   (docs/briefings.md)
  admin API       {lookup}/v1/admin/   (token in var/admin-tokens)
{_enrolment_lines(stack)}Conversations are kept in {conversations}
Logs: {stack.config.log_dir}/{{{",".join(stack.services)}}}.log
Press Ctrl-C to stop everything.
"""


def start_in_foreground(
    start: Callable[[Callable[[str], None]], None],
    announcement: str,
    failure: str,
    request_stop: Callable[[int, FrameType | None], None],
) -> int | None:
    """Start a stack (or cluster) from a command line, printing its progress; shared by this
    module's and tools/cluster.py's `main`. Until everything is up, Ctrl-C or SIGTERM raises
    KeyboardInterrupt and `start` stops what it began; after, both call `request_stop`.
    None once everything runs, else the exit code (1 failed, 130 interrupted)."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    print(announcement)
    try:
        start(lambda message: print(f"  {message}", flush=True))
    except StackError as error:
        print(f"{failure}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted while starting; everything started was stopped.", file=sys.stderr)
        return 130
    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the Liaison assistant's processes.")
    parser.parse_args(argv)
    stack = Stack(StackConfig.from_environment())
    stopping = False

    def request_stop(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    failed = start_in_foreground(
        stack.start,
        "Starting the lookup service, the action server, Rasa (~30 s) and the web chat ...",
        "Liaison could not start",
        request_stop,
    )
    if failed is not None:
        return failed
    print(_banner(stack), flush=True)
    exit_code = 0
    while not stopping:
        dead = stack.dead()
        if dead:
            for service in dead:
                print(
                    f"{service.name} stopped unexpectedly (code {service.process.returncode});"  # type: ignore[union-attr]
                    f" last lines of {service.log_path}:\n{tail(service.log_path)}",
                    file=sys.stderr,
                )
            exit_code = 1
            break
        time.sleep(0.5)
    print("Stopping ...", flush=True)
    stack.stop()
    print("Stopped; ports freed.")
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
