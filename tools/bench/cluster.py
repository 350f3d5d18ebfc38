"""`make bench-cluster`: the cluster topology (tools/cluster.py) under load, with 2 and then 1 Rasa
replicas behind HAProxy, in one run; throughput, latency and the CPU time per turn of every process.

Method (docs/deploy.md): the cluster on free ports in a temporary folder, the model
`models/current.tar.gz` (or --model). Custom-action turns (tools/bench/questions.py ACTION, the
`make bench` load generator, a new sender every 10 turns, each conversation in one language unless
--mixed-languages) through HAProxy's Rasa port at each
number of users, first with both Rasa replicas, then with `rasa-2` stopped (HAProxy's health
check takes it out; the loads wait until it has). CPU per turn: user + system time of every
process group (/proc/<pid>/stat, reaped children left out) before and after each load, divided by
the turns sent. With --fresh-users (default 10), also loads of questions never asked before
(tools/bench/fresh.py), each asked once, so the lookup's read cache cannot answer their
searches. Prints a table and writes JSON (--out). Not part of `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from tools.bench import fresh
from tools.bench import questions as q
from tools.bench.run import as_dicts, free_port, group_cpu_seconds, host_info, loadgen, uptime
from tools.cluster import REPLICATED, Cluster, ClusterConfig
from tools.stack import ROOT, StackConfig

# Per turn, the processes a custom-action turn passes through, grouped as the sizing table is.
ROLES = {
    "rasa": "Rasa",
    "actions": "action servers",
    "lookup": "lookup services",
    "haproxy": "HAProxy",
    "postgres": "PostgreSQL",
    "redis": "Redis",
}


def say(message: str) -> None:
    print(message, flush=True)


def cpu_of(cluster: Cluster) -> dict[str, float]:
    cpu = {
        name: group_cpu_seconds(service.process.pid)
        for name, service in cluster.services.items()
        if service.process is not None
        and service.process.poll() is None
        and name not in ("webchat", "postgres")
    }
    # PostgreSQL's processes each call setsid(): count the postmaster (its pid is in
    # postmaster.pid), its children, and the children it has reaped (backends of closed
    # connections: its cutime and cstime).
    postmaster = int((cluster.state_dir / "postgres" / "postmaster.pid").read_text().split()[0])
    cpu["postgres"] = postgres_cpu_seconds(postmaster)
    return cpu


def postgres_cpu_seconds(postmaster: int) -> float:
    ticks = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == postmaster:
            ticks += sum(int(x) for x in fields[11:15])  # utime, stime, cutime, cstime
        elif int(fields[1]) == postmaster:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def per_role(per_process: dict[str, float]) -> dict[str, float]:
    """rasa-1 + rasa-2 -> rasa, and so on."""
    roles: dict[str, float] = {}
    for name, value in per_process.items():
        role = name.rsplit("-", 1)[0] if name.rsplit("-", 1)[-1].isdigit() else name
        roles[role] = round(roles.get(role, 0.0) + value, 2)
    return roles


def answered_questions(cluster: Cluster) -> list[q.Question]:
    """The custom-action questions this model answers with text for an unenrolled visitor, each
    asked once (a model older than the domain answers some with nothing: not turns to time)."""
    kept = []
    for index, question in enumerate(q.ACTION):
        request = urllib.request.Request(
            f"http://127.0.0.1:{cluster.config.rasa_port}/webhooks/rest/webhook",
            data=json.dumps(
                {"sender": f"cluster-check-{index}", "message": question.text}
            ).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            if any(m.get("text") for m in json.load(response)):
                kept.append(question)
    return kept


def idle_cpu(cluster: Cluster, seconds: float) -> dict[str, float]:
    """Each process's CPU ms per second with no turns at all: health checks every second,
    pollers, the socket.io listeners. Per-turn figures include this share of it, which weighs
    more the fewer turns a load gets through."""
    before = cpu_of(cluster)
    started = time.monotonic()
    time.sleep(seconds)
    wall = time.monotonic() - started
    after = cpu_of(cluster)
    return {name: round((after[name] - before[name]) * 1000 / wall, 2) for name in before}


def less_idle(
    per_turn: dict[str, float], idle: dict[str, float], wall: float, turns: int
) -> dict[str, float]:
    """CPU ms per turn of each process without its idle rate (ms/s) over the load's wall time."""
    return {
        name: round(max(value - idle.get(name, 0.0) * wall / turns, 0.0), 2)
        for name, value in per_turn.items()
    }


def one_load(
    cluster: Cluster,
    questions: list[q.Question],
    users: int,
    duration: float,
    warmup: float,
    tag: str,
    one_language: bool = True,
    idle: dict[str, float] | None = None,
    unique: bool = False,
) -> dict[str, Any]:
    spec = {
        "unique": unique,  # questions never asked before, each once (tools/bench/fresh.py)
        "mode": "webhook",
        "host": "127.0.0.1",
        "port": cluster.config.rasa_port,  # HAProxy's
        "users": users,
        "duration": duration,
        "warmup": warmup,
        "turns_per_conversation": 10,
        "questions": as_dicts(questions),
        "sender_prefix": f"cluster-{tag}-{users}-{int(time.time())}",
        "one_language_per_conversation": one_language,
    }
    before = cpu_of(cluster)
    started = time.monotonic()
    result = loadgen(spec)
    wall = time.monotonic() - started
    after = cpu_of(cluster)
    turns = max(result["requests_with_warmup"], 1)
    result["cpu_ms_per_turn"] = {
        name: round((after[name] - before[name]) * 1000 / turns, 2)
        for name in before
        if name in after
    }
    result["cpu_ms_per_turn_by_role"] = per_role(result["cpu_ms_per_turn"])
    result["cpu_ms_per_turn_total"] = round(sum(result["cpu_ms_per_turn"].values()), 2)
    if idle is not None:
        # The same without what the processes spend with no turns (idle_cpu) over the load.
        net = less_idle(result["cpu_ms_per_turn"], idle, wall, turns)
        result["cpu_ms_per_turn_less_idle_by_role"] = per_role(net)
        result["cpu_ms_per_turn_less_idle_total"] = round(sum(net.values()), 2)
    # How busy the two cores were with the cluster: its CPU seconds over the load's wall time.
    result["cluster_cores_busy"] = round(
        sum(after[n] - before[n] for n in before if n in after) / max(wall, 1e-9), 2
    )
    return result


def make_cluster(workdir: Path, model: Path) -> Cluster:
    state_dir = Path(tempfile.mkdtemp(prefix="liaison-bench-cluster-"))
    state_dir.chmod(0o755)  # PostgreSQL runs as `postgres` when this runs as root
    defaults = StackConfig.from_environment()
    public = StackConfig(
        rasa_env=defaults.rasa_env,
        lookup_env=defaults.lookup_env,
        model=model,
        rasa_port=free_port(),
        actions_port=free_port(),
        lookup_port=free_port(),
        webchat_port=free_port(),
        log_dir=workdir / "logs",
        env={"LIAISON_DATA_DIR": str(workdir / "data")},
    )
    config = ClusterConfig(
        stack=public,
        postgres_port=free_port(),
        redis_port=free_port(),
        state_dir=state_dir,
        replica_ports={name: [free_port(), free_port()] for name in REPLICATED},
    )
    return Cluster(config)


def run(args: argparse.Namespace) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="liaison-bench-cluster-work-"))
    cluster = make_cluster(workdir, args.model)
    report: dict[str, Any] = {
        "machine": host_info(),
        "uptime_before": uptime(),
        "languages": "mixed turn by turn" if args.mixed_languages else "one per conversation",
        "loads": {},
    }
    say("bench-cluster: starting the cluster (PostgreSQL, Redis, 2 x lookup, actions, Rasa) ...")
    started = time.monotonic()
    cluster.start(progress=lambda m: say(f"  {m}"))
    report["start_s"] = round(time.monotonic() - started, 1)
    try:
        questions = answered_questions(cluster)
        report["questions"] = {
            "answered": [f"{x.lang} {x.intent}: {x.text}" for x in questions],
            "of": len(q.ACTION),
        }
        say(
            f"  {len(questions)} of {len(q.ACTION)} custom-action questions answered with text: "
            + "; ".join(report["questions"]["answered"])
        )
        if len(questions) < 3:
            raise RuntimeError("too few questions answered: is the model older than the domain?")
        idle = idle_cpu(cluster, args.idle) if args.idle > 0 else None
        if idle is not None:
            report["idle_cpu_ms_per_s"] = idle
            say(f"  idle ({args.idle:.0f} s, no turns): CPU ms/s {per_role(idle)}")
        # Each fresh load its own questions, never asked before (tools/bench/fresh.py).
        fresh_parts = fresh.slices(fresh.generate(), 2 * max(len(args.fresh_users), 1))
        for replicas in (2, 1):
            if replicas == 1:
                cluster.services["rasa-2"].process.terminate()  # type: ignore[union-attr]
                cluster.services["rasa-2"].process.wait(timeout=60)  # type: ignore[union-attr]
                time.sleep(5)  # HAProxy: a check a second, out after 3 failures
            loads = [("", users, questions) for users in args.users]
            loads += [(" fresh", users, fresh_parts.pop()) for users in args.fresh_users]
            for kind, users, asked in loads:
                result = one_load(
                    cluster,
                    asked,
                    users,
                    args.duration,
                    args.warmup,
                    f"r{replicas}{kind.strip()}",
                    one_language=not args.mixed_languages,
                    idle=idle,
                    unique=bool(kind),
                )
                report["loads"][f"{replicas}x{users}{kind}"] = result
                say(
                    f"  {replicas} Rasa, {users:3} users{kind}: "
                    f"{result['turns_per_s']:6.1f} turns/s, "
                    f"p50 {result['latency_ms']['p50']:7.1f} ms, p95 "
                    f"{result['latency_ms']['p95']:7.1f} ms, errors {result['errors']}/"
                    f"{result['requests']}, cores busy {result['cluster_cores_busy']}, CPU ms/turn "
                    f"{result['cpu_ms_per_turn_total']} ("
                    + ", ".join(f"{k} {v}" for k, v in result["cpu_ms_per_turn_by_role"].items())
                    + ")"
                    + (
                        f"; less idle {result['cpu_ms_per_turn_less_idle_total']}"
                        if idle is not None
                        else ""
                    )
                )
    finally:
        cluster.stop()
    report["uptime_after"] = uptime()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "current.tar.gz")
    parser.add_argument("--users", type=int, nargs="+", default=[10, 50])
    parser.add_argument(
        "--fresh-users",
        type=int,
        nargs="*",
        default=[10],
        help="also loads of questions never asked before, so the lookup's read cache cannot "
        "answer the searches (tools/bench/fresh.py); none with an empty list",
    )
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "bench_cluster.json")
    parser.add_argument(
        "--idle", type=float, default=10.0, help="seconds of no load measured first (0: none)"
    )
    parser.add_argument(
        "--mixed-languages",
        action="store_true",
        help="every turn in another language (make bench's load; each switch re-registers the "
        "visitor's language with the lookup service); default: one language per conversation",
    )
    args = parser.parse_args(argv)
    if not args.model.exists():
        print(f"no model at {args.model}: `make model` first", file=sys.stderr)
        return 1
    # SIGTERM (and SIGINT, even when started in the background) stop the cluster cleanly.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    say(f"before: {uptime()}")
    report = run(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    say(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
