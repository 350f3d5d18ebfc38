"""Where a turn's time goes: sample the stack's processes with py-spy under load.

    python -m tools.bench.profile [--py-spy PATH] [--kind action] [--users 10]

Starts the stack as `make run` does (free ports, fresh database), warms it up, then records
every process (Rasa, action server, lookup) with `py-spy record --format raw` while the load
generator drives `--users` simultaneous users with `--kind` turns. Each sample (a Python stack)
is put in the first category whose marker it contains (the order below matters: a tracker-store
call inside a policy counts as the tracker store), and the table gives each category's share of
that process's busy samples. The raw stacks are kept in --out for flame graphs
(e.g. speedscope.app or inferno). py-spy is pinned in the root project's `profile` extra, which
the Rasa environment installs; `--py-spy` takes another executable.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from tools.bench import fresh
from tools.bench import questions as q
from tools.bench.run import Bench, load_sample_exercise, loadgen, say
from tools.stack import ROOT, Stack

# (category, markers): a sample goes to the first category one of whose markers is in it.
RASA_CATEGORIES: list[tuple[str, tuple[str, ...]]] = [
    ("tracker store: read (SQL)", ("retrieve (rasa/core/tracker_store", "_retrieve (rasa/core")),
    ("tracker store: write (SQL)", ("save (rasa/core/tracker_store",)),
    ("tracker store: other", ("rasa/core/tracker_store",)),
    ("action call: build payload (tracker + domain)", ("_action_call_format",)),
    ("action call: validate reply (jsonschema)", ("_validate_action_result", "jsonschema")),
    ("action call: HTTP client (aiohttp session, request, JSON)", ("rasa/utils/endpoints",)),
    ("action call: validate and apply reply", ("RemoteAction", "rasa/core/actions/action.py")),
    ("NLU: language detection (lingua)", ("language_detector", "language_id", "lingua")),
    ("NLU: DIET (TensorFlow)", ("diet_classifier", "tensorflow", "keras")),
    ("NLU: intent classifier, CRF entities", ("linear_intent_classifier", "crf", "sklearn")),
    ("NLU: featurizers, tokenizer, normaliser", ("featurizer", "tokenizer", "text_normalizer")),
    ("NLU: graph and other", ("parse_message", "_parse_message_with_graph")),
    ("policies (memoization, rules, handoff)", ("policies/", "dialogue/handoff", "ensemble")),
    ("responses (NLG)", ("rasa/core/nlg",)),
    ("tracker: events, slots, featurising state", ("rasa/shared/core/trackers", "events.py")),
    ("HTTP server (Sanic), channel, JSON", ("sanic", "channels/", "ujson", "json")),
    ("asyncio event loop", ("asyncio",)),
]
ACTIONS_CATEGORIES: list[tuple[str, tuple[str, ...]]] = [
    ("lookup client (aiohttp)", ("aiohttp", "lookup_client")),
    ("action code", ("actions/",)),
    ("rasa_sdk: parse request, tracker, reply", ("rasa_sdk",)),
    ("HTTP server (Sanic), JSON", ("sanic", "ujson", "json")),
    ("asyncio event loop", ("asyncio",)),
]
LOOKUP_CATEGORIES: list[tuple[str, tuple[str, ...]]] = [
    ("search (lookup/search*.py)", ("lookup/search",)),
    ("database (SQLAlchemy, sqlite3)", ("sqlalchemy", "sqlite3")),
    ("read cache (middleware)", ("lookup/read_cache",)),
    ("lookup code (views)", ("lookup",)),
    ("pydantic / FastAPI serialisation", ("pydantic", "fastapi/encoders", "fastapi/routing")),
    ("HTTP server (uvicorn, starlette)", ("uvicorn", "starlette", "h11", "httptools")),
    ("asyncio event loop", ("asyncio",)),
]
CATEGORIES = {"rasa": RASA_CATEGORIES, "actions": ACTIONS_CATEGORIES, "lookup": LOOKUP_CATEGORIES}
# Innermost frames of a thread waiting for work: uvloop's run_forever is C, so a waiting Sanic
# server shows as `serve`; py-spy in --nonblocking mode cannot tell these from work by itself.
IDLE_LEAVES = (
    "serve (sanic/server/runners.py",
    "run_forever (asyncio/base_events.py",
    "select (selectors.py",
    "wait (threading.py",
    "_worker (concurrent/futures/thread.py",
    "run (uvicorn/server.py",
    "serve (uvicorn/server.py",
    "asyncio_run (uvicorn/_compat.py",  # uvloop's run_forever, waiting
)


def _samples(raw: str) -> list[tuple[str, int]]:
    """py-spy's raw format: one line per distinct stack, `frame;frame;... count`; idle left out."""
    samples = []
    for line in raw.splitlines():
        stack, _, number = line.rpartition(" ")
        stack = stack.rstrip(";")
        if not stack or not number.isdigit():
            continue
        if stack.split(";")[-1].startswith(IDLE_LEAVES):
            continue
        samples.append((stack, int(number)))
    return samples


def categorise(raw: str, categories: list[tuple[str, tuple[str, ...]]]) -> dict[str, int]:
    """Busy samples per category (idle ones left out)."""
    counts: collections.Counter[str] = collections.Counter()
    for stack, number in _samples(raw):
        name = next((c for c, markers in categories if any(m in stack for m in markers)), "other")
        counts[name] += number
    return dict(counts)


def top_functions(raw: str, limit: int = 15) -> list[tuple[str, int]]:
    """Self time: the innermost frame of each sample."""
    counts: collections.Counter[str] = collections.Counter()
    for stack, number in _samples(raw):
        counts[stack.split(";")[-1]] += number
    return counts.most_common(limit)


def record(py_spy: str, pid: int, seconds: float, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            *(py_spy, "record", "--pid", str(pid), "--duration", str(int(seconds))),
            *("--rate", "200", "--format", "raw", "--output", str(out), "--nonblocking"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--py-spy",
        default=str(Path(sys.executable).parent / "py-spy"),
        help="path of the py-spy executable (default: the one beside this Python)",
    )
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "current.tar.gz")
    parser.add_argument(
        "--kind",
        choices=["action", "fresh", "response"],
        default="action",
        help="fresh: custom-action questions never asked before (tools/bench/fresh.py)",
    )
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE for the stack")
    parser.add_argument(
        "--one-language",
        action="store_true",
        help="each conversation keeps to one language, as `make bench --one-language`",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "profile")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    env = dict(pair.split("=", 1) for pair in args.env)

    bench = Bench(argparse.Namespace(users=[args.users], duration=3.0, warmup=1.0))
    with tempfile.TemporaryDirectory(prefix="profile-", dir=ROOT / "models") as scratch:
        workdir = Path(scratch)
        load_sample_exercise(bench.defaults.lookup_env, workdir / "data")
        stack = Stack(bench.config(workdir, args.model, env))
        questions = q.ACTION if args.kind == "action" else q.RESPONSE
        recorded: list[q.Question] = []
        if args.kind == "fresh":
            # The warm-up asks the fixed questions; the recording, questions never asked before.
            made = fresh.generate()
            questions = q.ACTION
            recorded = q.interleaved([x for part in made.values() for x in part])
        try:
            say("starting the stack ...")
            bench.cold_start(stack, "What time is lunch?")
            say("warming up ...")
            warmup_kind = "action" if args.kind == "fresh" else args.kind
            bench.loads(stack, "warmup", {warmup_kind: questions})
            spec = {
                "mode": "webhook",
                "host": "127.0.0.1",
                "port": stack.services["rasa"].port,
                "users": args.users,
                "duration": args.duration + 2,
                "warmup": 1.0,
                "turns_per_conversation": 10,
                "one_language_per_conversation": args.one_language,
                "questions": [
                    {"text": x.text, "intent": x.intent, "lang": x.lang}
                    for x in (recorded if args.kind == "fresh" else q.interleaved(questions))
                ],
                "unique": args.kind == "fresh",
                "sender_prefix": f"profile-{int(time.time())}",
            }
            result: dict[str, Any] = {}
            load = threading.Thread(target=lambda: result.update(loadgen(spec)))
            load.start()
            time.sleep(1.5)
            say(f"recording {args.duration:.0f} s of {args.users} users, {args.kind} turns ...")
            recorders = {
                name: record(
                    args.py_spy,
                    service.process.pid,  # type: ignore[union-attr]
                    args.duration,
                    args.out / f"{args.kind}-{args.users}-{name}.txt",
                )
                for name, service in stack.services.items()
                if name in CATEGORIES
            }
            for recorder in recorders.values():
                recorder.wait(timeout=args.duration + 60)
            load.join()
        finally:
            stack.stop()
    say(
        f"load during recording: {result.get('turns_per_s')} turns/s, "
        f"p50 {result.get('latency_ms', {}).get('p50')} ms"
    )
    summary = {"kind": args.kind, "users": args.users, "load": result, "processes": {}}
    for name, categories in CATEGORIES.items():
        path = args.out / f"{args.kind}-{args.users}-{name}.txt"
        raw = path.read_text() if path.exists() else ""
        counts = categorise(raw, categories)
        total = sum(counts.values())
        seconds = total / 200
        summary["processes"][name] = {
            "busy_seconds": round(seconds, 1),
            "busy_share_of_wall": round(seconds / args.duration, 2),
            "categories": counts,
            "top_self": top_functions(raw),
        }
        print(f"\n{name}: busy {seconds:.1f} s of {args.duration:.0f} s recorded")
        print("| where | share |\n|---|---|")
        for category, count in sorted(counts.items(), key=lambda kv: -kv[1]):
            print(f"| {category} | {count / total:.0%} |")
    (args.out / f"{args.kind}-{args.users}.json").write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
