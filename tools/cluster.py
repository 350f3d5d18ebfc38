"""`make cluster`: the scale-out topology on one machine, started, watched and stopped as one.

Two of each stateless service (Rasa, action server, lookup service) behind HAProxy, which listens
on the ports `make run` uses (5005, 5055, 8000) and health-checks every replica; PostgreSQL holds
the exercise knowledge and Rasa's conversations, Redis the conversation locks
(bot.lock_store.TicketLockStore) and the web chat's socket.io rooms (bot.channels.socketio); the
web chat on 8080 talks to Rasa through HAProxy. Every service reaches another through HAProxy too,
so losing one replica costs no answer.

Deploy steps run once, before any replica starts, never by replicas racing at start-up: the
databases are created, the lookup service's migrations applied (with the sample exercise loaded
if absent, as `make run` does) and Rasa's tracker tables created.

Process handling is tools.stack's (launch, readiness, process groups, stop in reverse order);
this module only adds the services, the stages and the configuration files. State lives in
`var/cluster/` (PostgreSQL's data, its password, generated configs); logs in `var/log/cluster/`.
"""

from __future__ import annotations

import argparse
import dataclasses
import glob
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from bot import rasa_config
from tools.stack import (
    ROOT,
    Service,
    Stack,
    StackConfig,
    StackError,
    _banner,
    _port_free,
    _reachable,
    build_services,
    start_in_foreground,
    tail,
)

SAMPLE_PACK = ROOT / "data" / "packs" / "sample-exercise.yml"
REPLICATED = ("lookup", "actions", "rasa")  # behind HAProxy, in start order
HEALTH_PATHS = {"lookup": "/health", "actions": "/health", "rasa": "/"}
DB_USER = "liaison"


@dataclass
class ClusterConfig:
    """The public side is a StackConfig (the ports `make run` uses, now HAProxy's); replica i of
    a service listens on its public port + 100 * i."""

    stack: StackConfig
    replicas: int = 2
    postgres_port: int = 5433
    redis_port: int = 6380
    state_dir: Path = ROOT / "var" / "cluster"
    pack: Path | None = SAMPLE_PACK
    # Turns one Rasa replica is given at once (HAProxy queues the rest): a turn takes ~16 ms of
    # its event loop's CPU and about as long again waiting on the action server and the stores,
    # so 2-3 keep the loop busy; 6 leaves room, and a health check waits behind at most 6 turns.
    rasa_maxconn: int = 6
    # Seconds a turn may wait in HAProxy's queue before a 503 (the REST client's own limit is 30).
    queue_timeout: int = 30
    replica_ports: dict[str, list[int]] = field(default_factory=dict)

    def ports(self, name: str) -> list[int]:
        if name in self.replica_ports:
            return self.replica_ports[name]
        public = getattr(self.stack, f"{name}_port")
        return [public + 100 * (i + 1) for i in range(self.replicas)]

    @classmethod
    def from_environment(cls) -> ClusterConfig:
        env = os.environ
        stack = StackConfig.from_environment()
        if "LIAISON_LOG_DIR" not in env:
            stack.log_dir = stack.log_dir / "cluster"
        return cls(
            stack=stack,
            replicas=int(env.get("LIAISON_CLUSTER_REPLICAS", 2)),
            postgres_port=int(env.get("LIAISON_CLUSTER_POSTGRES_PORT", 5433)),
            redis_port=int(env.get("LIAISON_CLUSTER_REDIS_PORT", 6380)),
            rasa_maxconn=int(env.get("LIAISON_CLUSTER_RASA_MAXCONN", 6)),
            queue_timeout=int(env.get("LIAISON_CLUSTER_QUEUE_TIMEOUT", 30)),
            state_dir=Path(env.get("LIAISON_CLUSTER_DIR", ROOT / "var" / "cluster")).resolve(),
        )


def postgres_binaries() -> Path:
    """Debian's PostgreSQL server binaries (scripts/ensure-postgres installs them)."""
    configured = os.environ.get("LIAISON_PG_BINDIR")
    candidates = [configured] if configured else sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    for candidate in reversed(candidates):
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    raise StackError("PostgreSQL server binaries not found: apt-get install postgresql")


def _secret(path: Path) -> str:
    """A password kept in a private file, made on first use."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(24))
    return path.read_text().strip()


def haproxy_cfg(config: ClusterConfig) -> str:
    """HAProxy in front of each replicated service: round robin, a health check every second
    (down after 3 failures), a connection refused by a dead replica retried on another.

    Rasa's turns (REST, webhooks, the HTTP API) are admitted `rasa_maxconn` at a time per replica
    and the rest wait in HAProxy's queue up to `queue_timeout` seconds: a Rasa process runs its
    turns on one event loop, so 50 turns let in at once made its health check (`GET /`, on the same
    loop) wait behind all of them, fail, and take the only replica out (every request then got a
    503; docs/deploy.md). socket.io goes to a second backend without that limit (a websocket holds
    its connection for the whole visit; a limit would cap visitors, not turns), whose servers
    follow the first's checks (`track`) and pin a browser by cookie (long-polling needs it)."""
    lines = [
        "global",
        "  maxconn 4096",
        "defaults",
        "  mode http",
        "  timeout connect 2s",
        "  timeout client 75s",
        "  timeout server 75s",
        "  timeout tunnel 1h",  # websocket
        f"  timeout queue {config.queue_timeout}s",
        "  retries 3",
        "  option redispatch 1",
        # A check every second; a replica is down after 3 failed ones (a refused connection is
        # retried on another at once anyway) and a check may take 3 s on a busy machine.
        "  timeout check 3s",
        "  default-server inter 1s fastinter 250ms fall 3 rise 2",
    ]
    for name in REPLICATED:
        host = _bind_host(config.stack, name)
        lines += [
            f"frontend {name}",
            f"  bind {host}:{getattr(config.stack, f'{name}_port')}",
        ]
        if name == "rasa":
            lines += [
                "  acl socketio path_beg /socket.io/",
                "  use_backend rasa_socketio if socketio",
            ]
        lines += [
            f"  default_backend {name}",
            f"backend {name}",
            # Rasa: the replica with the fewest turns in flight; queued turns go to the first
            # replica with a free slot either way.
            f"  balance {'leastconn' if name == 'rasa' else 'roundrobin'}",
            f"  option httpchk GET {HEALTH_PATHS[name]}",
            "  http-check expect status 200",
        ]
        if name == "rasa":
            lines.append("  cookie LIAISON_RASA insert indirect nocache httponly")
        for index, port in enumerate(config.ports(name), start=1):
            # Connection errors (not HTTP 5xx answers: one bad question must not take a replica
            # out) make the checks come every 250 ms, so a dead replica goes out sooner.
            limits = " observe layer4 error-limit 3 on-error fastinter"
            if name == "rasa":
                limits = f" cookie r{index} maxconn {config.rasa_maxconn}" + limits
            lines.append(f"  server {name}-{index} {_reachable(host)}:{port} check{limits}")
        if name == "rasa":
            lines += [
                "backend rasa_socketio",
                "  balance roundrobin",
                "  cookie LIAISON_RASA insert indirect nocache httponly",
            ]
            for index, port in enumerate(config.ports(name), start=1):
                lines.append(
                    f"  server rasa-{index} {_reachable(host)}:{port} track rasa/rasa-{index}"
                    f" cookie r{index}"
                )
    return "\n".join(lines) + "\n"


class Cluster(Stack):
    """tools.stack.Stack with replicas, a load balancer and the shared stores, started in stages."""

    def __init__(self, config: ClusterConfig, startup_timeout: float = 300.0) -> None:
        self.cluster = config
        self.state_dir = config.state_dir
        self.pg_bin = postgres_binaries()
        db_password = _secret(self.state_dir / "postgres-password")
        self.redis_password = secrets.token_urlsafe(24)  # Redis keeps nothing between runs
        database = f"{DB_USER}:{db_password}@127.0.0.1:{config.postgres_port}"
        redis_url = f"redis://:{self.redis_password}@127.0.0.1:{config.redis_port}"
        self.db_password = db_password
        stack = dataclasses.replace(
            config.stack,
            env={
                **config.stack.env,
                "DATABASE_URL": f"postgresql+psycopg://{database}/liaison",
                "LIAISON_TRACKER_STORE": f"postgresql://{database}/rasa",
                "LIAISON_LOCK_STORE": f"{redis_url}/1",
                "LIAISON_SOCKETIO_REDIS": f"{redis_url}/2",
            },
        )
        super().__init__(stack, startup_timeout)
        self.services = {service.name: service for service in self._services()}

    def _services(self) -> list[Service]:
        public = {service.name: service for service in build_services(self.config)}
        services = [self._postgres(), self._redis()]
        for name in REPLICATED:
            for index, port in enumerate(self.cluster.ports(name), start=1):
                replica = _replica(public[name], index, port)
                if name == "lookup":
                    # Migrated once by the deploy step; replicas migrating at start-up would race.
                    replica.env["LIAISON_MIGRATE_ON_START"] = "0"
                services.append(replica)
        haproxy = _binary("haproxy") or "haproxy"
        services.append(
            Service(
                name="haproxy",
                argv=[haproxy, "-db", "-f", str(self.state_dir / "haproxy.cfg")],
                port=self.config.rasa_port,
                ready_path="/",
            )
        )
        services.append(public["webchat"])
        return services

    def _postgres(self) -> Service:
        as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return Service(
            name="postgres",
            argv=[
                *as_user,
                str(self.pg_bin / "postgres"),
                "-D",
                str(self.state_dir / "postgres"),
                "-p",
                str(self.cluster.postgres_port),
                "-k",
                str(self.state_dir / "postgres-socket"),
                "-c",
                "listen_addresses=127.0.0.1",
            ],
            port=self.cluster.postgres_port,
            ready_path="",
        )

    def _redis(self) -> Service:
        redis_server = _binary("redis-server") or "redis-server"
        return Service(
            name="redis",
            argv=[redis_server, str(self.state_dir / "redis.conf")],
            port=self.cluster.redis_port,
            ready_path="",
        )

    def url(self, name: str) -> str:
        """A replica's own URL by its name (rasa-1), or the public, balanced one (rasa)."""
        if name in self.services:
            return super().url(name)
        host = _reachable(_bind_host(self.config, name))
        return f"http://{host}:{getattr(self.config, f'{name}_port')}"

    def start(self, progress: Callable[[str], None] = lambda _message: None) -> None:
        """Stores first, then the deploy steps, then the replicas, the balancer and the chat."""
        self._check_prerequisites()
        missing = [name for name in ("haproxy", "redis-server") if not _binary(name)]
        if missing:
            raise StackError(f"not installed: {', '.join(missing)} (`make cluster` installs them)")
        busy = self._frontends_busy()
        if busy:
            raise StackError(f"port(s) already in use: {busy}; is `make run` still up?")
        self._write_files()
        stages = [
            ["postgres", "redis"],
            [f"{name}-{i}" for name in ("lookup", "actions") for i in self._indexes()],
            [f"rasa-{i}" for i in self._indexes()],
            ["haproxy", "webchat"],
        ]
        try:
            for number, stage in enumerate(stages):
                if number == 1:
                    progress("deploy steps: databases, migrations, exercise, Rasa's tables ...")
                    self._deploy_steps()
                for name in stage:
                    self._launch(self.services[name])
                for name in stage:
                    progress(f"waiting for {name} on port {self.services[name].port} ...")
                    self._wait_ready(self.services[name])
                    progress(f"{name} is up")
        except BaseException:
            self.stop()
            raise

    def kill(self, name: str) -> None:
        """SIGKILL one process group at once, as a crash would (no graceful shutdown)."""
        process = self.services[name].process
        assert process is not None
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def _indexes(self) -> range:
        return range(1, self.cluster.replicas + 1)

    def _frontends_busy(self) -> list[int]:
        """HAProxy's ports other than Rasa's (the `haproxy` service's own, checked by Stack)."""
        return [
            getattr(self.config, f"{name}_port")
            for name in ("actions", "lookup")
            if not _port_free(_bind_host(self.config, name), getattr(self.config, f"{name}_port"))
        ]

    def _write_files(self) -> None:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.state_dir.chmod(0o755)  # PostgreSQL (as `postgres` when we are root) goes through it
        rasa_config.write_rasa_files(self.config.environment(), self.config.data_dir)
        (self.state_dir / "haproxy.cfg").write_text(haproxy_cfg(self.cluster))
        redis_conf = self.state_dir / "redis.conf"
        redis_conf.touch(mode=0o600)
        redis_conf.chmod(0o600)
        redis_conf.write_text(
            f"port {self.cluster.redis_port}\nbind 127.0.0.1\nsave ''\nappendonly no\n"
            f"requirepass {self.redis_password}\n"
        )
        self._init_postgres()

    def _init_postgres(self) -> None:
        """initdb once: password login over TCP (loopback only), trust on the private socket."""
        data, socket_dir = self.state_dir / "postgres", self.state_dir / "postgres-socket"
        owner = "postgres" if os.geteuid() == 0 else None
        socket_dir.mkdir(mode=0o700, exist_ok=True)
        if owner:
            shutil.chown(socket_dir, owner, owner)
        if (data / "PG_VERSION").exists():
            return
        data.mkdir(mode=0o700, parents=True, exist_ok=True)
        password_file = self.state_dir / "postgres-password"
        if owner:
            shutil.chown(data, owner, owner)
            shutil.chown(password_file, owner, owner)
        as_user = ["runuser", "-u", owner, "--"] if owner else []
        try:
            subprocess.run(
                [
                    *as_user,
                    str(self.pg_bin / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    DB_USER,
                    f"--pwfile={password_file}",
                    "--auth-host=scram-sha-256",
                    "--auth-local=trust",
                    "-E",
                    "UTF8",
                ],
                check=True,
                capture_output=True,
            )
        finally:
            if owner:
                shutil.chown(password_file, "root", "root")

    def _deploy_steps(self) -> None:
        """Run once before the replicas: databases, lookup migrations (+ the sample exercise
        when absent), Rasa's tracker tables (two replicas creating them at once would collide)."""
        environment = {**self.config.environment(), "PGPASSWORD": self.db_password}
        psql = [
            shutil.which("psql") or str(self.pg_bin / "psql"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.cluster.postgres_port),
            "-U",
            DB_USER,
            "-d",
            "postgres",
            "-tAc",
        ]
        for database in ("liaison", "rasa"):
            exists = _run(
                [*psql, f"SELECT 1 FROM pg_database WHERE datname = '{database}'"], environment
            )
            if exists.strip() != "1":
                _run([*psql, f'CREATE DATABASE "{database}"'], environment)
        liaison = str(self.config.lookup_env / "bin" / "liaison")
        # The replicas never migrate (LIAISON_MIGRATE_ON_START=0): this is the one migration.
        pack = [] if self.cluster.pack is None else ["--pack", str(self.cluster.pack)]
        _run([liaison, "migrate", *pack], environment)
        tokens = self.config.data_dir / "admin-tokens"
        if not tokens.exists() and "LIAISON_ADMIN_TOKENS" not in environment:
            _run([liaison, "new-admin-token", "liaison-team", "--file", str(tokens)], environment)
        create_tables = (
            "from rasa.core.tracker_store import SQLTrackerStore;"
            "import os;"
            "SQLTrackerStore(dialect='postgresql', host='127.0.0.1', port=int(os.environ['P']),"
            " db='rasa', username=os.environ['U'], password=os.environ['PGPASSWORD'])"
        )
        _run(
            [str(self.config.rasa_env / "bin" / "python"), "-c", create_tables],
            {
                **environment,
                "P": str(self.cluster.postgres_port),
                "U": DB_USER,
                "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            },
        )

    def _wait_ready(self, service: Service) -> None:
        if service.name == "postgres":
            self._wait_for(service, self._postgres_accepts)
        elif service.name == "redis":
            self._wait_for(service, lambda: _listening(self.cluster.redis_port))
        else:
            super()._wait_ready(service)

    def _postgres_accepts(self) -> bool:
        ready = subprocess.run(
            [
                str(self.pg_bin / "pg_isready"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.cluster.postgres_port),
            ],
            capture_output=True,
        )
        return ready.returncode == 0

    def _wait_for(self, service: Service, ready: Callable[[], bool]) -> None:
        deadline = time.monotonic() + 60
        while not ready():
            assert service.process is not None
            if service.process.poll() is not None or time.monotonic() > deadline:
                raise StackError(
                    f"{service.name} did not start; last lines of {service.log_path}:\n"
                    f"{tail(service.log_path)}"
                )
            time.sleep(0.2)


def _binary(name: str) -> str | None:
    """A Debian binary, also from /usr/sbin, which a non-root PATH leaves out (haproxy)."""
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin")


def _bind_host(config: StackConfig, name: str) -> str:
    """The lookup service (console, admin API, intake) stays on LIAISON_LOOKUP_HOST and the action
    server on LIAISON_ACTIONS_HOST; the rest on LIAISON_HOST, as in `make run`."""
    return {"lookup": config.lookup_host, "actions": config.actions_host}.get(name, config.host)


def _replica(public: Service, index: int, port: int) -> Service:
    """The public service's process on its replica port (its URLs of the others stay public)."""
    argv = list(public.argv)
    argv[argv.index("--port") + 1] = str(port)
    return dataclasses.replace(
        public, name=f"{public.name}-{index}", argv=argv, port=port, env=dict(public.env)
    )


def _run(argv: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise StackError(f"{Path(argv[0]).name} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run Liaison's scale-out topology on one machine.")
    parser.parse_args(argv)
    try:
        cluster = Cluster(ClusterConfig.from_environment())
    except StackError as error:
        print(f"Liaison's cluster could not start: {error}", file=sys.stderr)
        return 1
    stopping = False

    def request_stop(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    replicas = cluster.cluster.replicas
    failed = start_in_foreground(
        cluster.start,
        f"Starting PostgreSQL, Redis, {replicas} lookup services, {replicas} action servers, "
        f"{replicas} Rasa servers (~1 min), HAProxy and the web chat ...",
        "Liaison's cluster could not start",
        request_stop,
    )
    if failed is not None:
        return failed
    print(_banner(cluster), flush=True)
    print(
        f"Cluster: HAProxy on the ports above, {replicas} replicas each of Rasa "
        f"{cluster.cluster.ports('rasa')}, actions {cluster.cluster.ports('actions')} and lookup "
        f"{cluster.cluster.ports('lookup')}; PostgreSQL :{cluster.cluster.postgres_port}, "
        f"Redis :{cluster.cluster.redis_port}. A replica that stops is reported, the rest go on.",
        flush=True,
    )
    reported: set[str] = set()
    while not stopping:
        for service in cluster.dead():
            if service.name not in reported:
                reported.add(service.name)
                print(
                    f"{service.name} stopped (code {service.process.returncode});"  # type: ignore[union-attr]
                    f" last lines of {service.log_path}:\n{tail(service.log_path)}",
                    file=sys.stderr,
                )
        time.sleep(0.5)
    print("Stopping ...", flush=True)
    cluster.stop()
    print("Stopped; ports freed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
