"""`make bench`: speed and memory of the assistant and of the `rasa init` reference, in one run.

1. Trains the project's model as `make model` does (`python -m bot.train`, timed, into
   models/bench/, never over models/current.tar.gz) and builds the reference
   (tools.bench.reference: `rasa init`, timed).
2. Starts the stack as `make run` does (tools.stack, on free ports, over a fresh database loaded
   with the sample exercise): cold start to first answer; checks what the model makes of each
   benchmark question; drives the REST webhook from a separate process (tools.bench.loadgen) with
   1, 10 and 50 simultaneous users, for (a) custom-action + lookup turns and (b) plain response
   turns; the lookup service directly at 50 users; one long conversation (turn 50's cost); RSS of
   each process.
3. The same for the reference (`starter`: plain turns; `starter_action`: both kinds).
4. Paired rounds: the machine's speed drifts by a third within minutes here (the reference's own
   CPU per turn went from 35 to 27 ms between two runs), so with the stack and the reference
   both up, 10-user loads alternate (custom-action turns, then the reference's plain turns),
   `--paired-rounds` times; each round gives a ratio, and the median ratio is the figure that
   drift cannot bias.
5. Writes reports/bench.json, reports/bench.md and reports/bench_latency.png (tools.bench.report).

The load is loopback only and bounded (users ≤ 200, each run `--duration` seconds after
`--warmup`, a 30 s timeout per request). Run it niced on a shared machine: the ratios to the
reference, measured in the same run, are what stays meaningful under contention.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tools.bench import fresh, report
from tools.bench import questions as q
from tools.bench.reference import Reference, ReferenceStack, build
from tools.stack import ROOT, Stack, StackConfig

SAMPLE_PACK = ROOT / "data" / "packs" / "sample-exercise.yml"
# The load of custom-action questions never asked before (tools/bench/fresh.py).
FRESH = "fresh"


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "load average: " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def host_info() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        memory_gb = round(int(memory) / 1024 / 1024, 1)
    except OSError:
        memory_gb = None
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": memory_gb,
        "python": platform.python_version(),
        "kernel": platform.release(),
    }


def group_memory(pid: int) -> dict[str, float]:
    """RSS now and peak (VmHWM) of every process in the service's process group, in MB."""
    rss = hwm = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            pgrp = int(stat.rsplit(")", 1)[1].split()[2])
            if pgrp != pid:
                continue
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss += int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm += int(line.split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return {"rss_mb": round(rss / 1024, 1), "peak_rss_mb": round(hwm / 1024, 1)}


def group_cpu_seconds(pid: int) -> float:
    """User + system CPU time of every process in the group (reaped children left out)."""
    ticks = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pid:
                ticks += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_of(stack: Stack) -> dict[str, float]:
    return {
        name: group_cpu_seconds(service.process.pid)
        for name, service in stack.services.items()
        if service.process is not None and name != "webchat"
    }


def memory_of(stack: Stack) -> dict[str, dict[str, float]]:
    return {
        name: group_memory(service.process.pid)
        for name, service in stack.services.items()
        if service.process is not None and name != "webchat"
    }


def post_json(url: str, body: dict[str, Any], timeout: float = 60.0) -> Any:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def check_questions(stack: Stack, questions: list[q.Question]) -> dict[str, Any]:
    """What the model makes of each benchmark question (the load's intents are what we think)."""
    wrong = []
    for question in questions:
        parsed = post_json(stack.rasa_api("/model/parse"), {"text": question.text})
        intent = parsed["intent"]["name"]
        if intent != question.intent:
            wrong.append({"text": question.text, "expected": question.intent, "got": intent})
    return {"questions": len(questions), "as_expected": len(questions) - len(wrong), "not": wrong}


def check_fresh(stack: Stack, questions: list[q.Question]) -> dict[str, Any]:
    """How many of these never-asked questions the model sends to a custom action (those are
    the fresh load's turns; the rest get a plain response), and their intents."""
    custom = fresh.custom_action_intents()
    intents: dict[str, int] = {}
    for question in questions:
        parsed = post_json(stack.rasa_api("/model/parse"), {"text": question.text})
        name = parsed["intent"]["name"]
        intents[name] = intents.get(name, 0) + 1
    return {
        "questions": len(questions),
        "custom_action": sum(n for name, n in intents.items() if name in custom),
        "intents": dict(sorted(intents.items(), key=lambda kv: -kv[1])),
    }


def loadgen(spec: dict[str, Any]) -> dict[str, Any]:
    """Run tools.bench.loadgen in its own process; its JSON result."""
    done = subprocess.run(
        [sys.executable, "-m", "tools.bench.loadgen", "-"],
        input=json.dumps(spec, ensure_ascii=False),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=spec.get("duration", 0) + spec.get("warmup", 0) + 180 + 60 * spec.get("turns", 0),
    )
    if done.returncode != 0:
        raise RuntimeError(f"load generator failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout)


def _by_lang(questions: list[q.Question]) -> dict[str, list[q.Question]]:
    by_lang: dict[str, list[q.Question]] = {}
    for question in questions:
        by_lang.setdefault(question.lang, []).append(question)
    return by_lang


def as_dicts(questions: list[q.Question]) -> list[dict[str, str]]:
    return [{"text": x.text, "lang": x.lang, "intent": x.intent} for x in q.interleaved(questions)]


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.defaults = StackConfig.from_environment()

    def config(self, workdir: Path, model: Path, env: dict[str, str]) -> StackConfig:
        return StackConfig(
            rasa_env=self.defaults.rasa_env,
            lookup_env=self.defaults.lookup_env,
            model=model,
            rasa_port=free_port(),
            actions_port=free_port(),
            lookup_port=free_port(),
            webchat_port=free_port(),
            log_dir=workdir / "logs",
            env={"LIAISON_DATA_DIR": str(workdir / "data"), **env},
        )

    def cold_start(self, stack: Stack, first_question: str) -> dict[str, float]:
        started = time.monotonic()
        stack.start(progress=lambda message: say(f"  {message}"))
        ready = time.monotonic()
        reply = post_json(
            f"{stack.url('rasa')}/webhooks/rest/webhook",
            {"sender": "bench-cold-start", "message": first_question},
        )
        answered = time.monotonic()
        if not any(m.get("text") for m in reply):
            raise RuntimeError(f"first answer had no text: {reply}")
        return {
            "to_ready_s": round(ready - started, 1),
            "first_answer_ms": round((answered - ready) * 1000, 1),
            "to_first_answer_s": round(answered - started, 1),
        }

    def loads(
        self,
        stack: Stack,
        name: str,
        kinds: dict[str, list[q.Question]],
        users_list: list[int] | None = None,
    ) -> dict[str, dict[str, Any]]:
        rasa = stack.services["rasa"]
        results: dict[str, dict[str, Any]] = {}
        users_each = users_list or self.args.users
        for kind, questions in kinds.items():
            results[kind] = {}
            # Fresh questions: each load its own, never asked before, each asked once.
            unique = kind == FRESH
            parts = fresh.slices(_by_lang(questions), len(users_each)) if unique else []
            for number, users in enumerate(users_each):
                if unique:
                    questions = parts[number]
                spec = {
                    "mode": "webhook",
                    "host": "127.0.0.1",
                    "port": rasa.port,
                    "users": users,
                    "duration": self.args.duration,
                    "warmup": self.args.warmup,
                    "turns_per_conversation": 10,
                    # Mixed by default, as every figure in docs/bench.md: the language changes at
                    # each turn, and with it the visitor record the action server writes.
                    "one_language_per_conversation": getattr(self.args, "one_language", False),
                    "questions": as_dicts(questions),
                    "unique": unique,
                    "sender_prefix": f"{name}-{kind}-{users}-{int(time.time())}",
                }
                cpu_before = cpu_of(stack)
                result = loadgen(spec)
                cpu_after = cpu_of(stack)
                # CPU time per turn: unlike latency, barely moved by other work on the machine.
                turns = max(result["requests_with_warmup"], 1)
                result["cpu_ms_per_turn"] = {
                    name: round((cpu_after[name] - cpu_before[name]) * 1000 / turns, 2)
                    for name in cpu_before
                    if name in cpu_after
                }
                results[kind][str(users)] = result
                say(
                    f"  {name} {kind:8} {users:3} users: {result['turns_per_s']:6.1f} turns/s, "
                    f"p50 {result['latency_ms']['p50']:7.1f} ms, p95 "
                    f"{result['latency_ms']['p95']:7.1f} ms, p99 {result['latency_ms']['p99']:7.1f}"
                    f" ms, errors {result['errors']}/{result['requests']}, CPU ms/turn "
                    + ", ".join(f"{k} {v}" for k, v in result["cpu_ms_per_turn"].items())
                )
        return results

    def long_conversation(
        self, stack: Stack, name: str, questions: list[q.Question]
    ) -> dict[str, Any]:
        result = loadgen(
            {
                "mode": "conversation",
                "host": "127.0.0.1",
                "port": stack.services["rasa"].port,
                "turns": self.args.long_turns,
                "repeat": self.args.long_repeat,
                "questions": as_dicts(questions),
                "sender_prefix": f"{name}-long-{int(time.time())}",
            }
        )
        say(
            f"  {name} long conversation: turn {result['turns']} {result['turn_last_ms']} ms "
            f"(turns 2-10 median {result['turns_2_to_10_median_ms']} ms)"
        )
        return result

    def lookup_load(self, stack: Stack, users: int) -> dict[str, Any]:
        result = loadgen(
            {
                "mode": "get",
                "host": "127.0.0.1",
                "port": stack.services["lookup"].port,
                "users": users,
                "duration": self.args.duration,
                "warmup": self.args.warmup,
                "paths": q.lookup_paths(),
                # /v1 reads need the action server's token (the stack made one for this run).
                "headers": {"Authorization": f"Bearer {stack.config.service_token}"},
            }
        )
        say(
            f"  lookup {users} users: {result['turns_per_s']:.0f} req/s, p50 "
            f"{result['latency_ms']['p50']} ms, p95 {result['latency_ms']['p95']} ms"
        )
        return result

    def paired(self, reference: Reference, workdir: Path, model: Path) -> dict[str, Any]:
        """Alternating 10-user loads on both stacks, up at once: one ratio per round."""
        users = 10
        liaison, _ = self.liaison_stack(workdir / "liaison", model)
        starter_config = self.config(workdir / "starter", Reference.model_in(reference.starter), {})
        starter = ReferenceStack(reference, starter_config, with_action=False)
        say(f"paired rounds at {users} users: starting both stacks ...")
        rounds = []
        try:
            liaison.start(progress=lambda message: say(f"  {message}"))
            starter.start(progress=lambda message: say(f"  {message}"))
            for number in range(1, self.args.paired_rounds + 1):
                ours = self.loads(liaison, "liaison", {"action": q.ACTION}, [users])
                theirs = self.loads(starter, "starter", {"response": q.REFERENCE_RESPONSE}, [users])
                row = {
                    "liaison_action": ours["action"][str(users)],
                    "starter_response": theirs["response"][str(users)],
                }
                row["ratio"] = round(
                    row["liaison_action"]["turns_per_s"]
                    / max(row["starter_response"]["turns_per_s"], 1e-9),
                    2,
                )
                say(f"  round {number}: {row['ratio']}×")
                rounds.append(row)
        finally:
            liaison.stop()
            starter.stop()
        median = statistics.median(r["ratio"] for r in rounds) if rounds else None
        return {"users": users, "rounds": rounds, "median_ratio": median}

    def liaison_stack(self, workdir: Path, model: Path) -> tuple[Stack, dict[str, str]]:
        """The stack as `make run` starts it, over a fresh database with the sample exercise;
        with the environment given to its processes."""
        load_sample_exercise(self.defaults.lookup_env, workdir / "data")
        env = dict(self.args.env)
        if self.args.plain_rasa:
            # The same SQLite tracker store, named explicitly: tools.stack then leaves its journal
            # as SQLite's default (no WAL), as before the speed fixes.
            env.setdefault("LIAISON_TRACKER_STORE", f"sqlite:///{workdir / 'data' / 'tracker.db'}")
        stack = Stack(self.config(workdir, model, env))
        rasa = stack.services["rasa"]
        if self.args.plain_rasa and rasa.argv[1:3] == ["-m", "bot.rasa_server"]:
            # Rasa as it started before the speed fixes: `rasa run ...`
            rasa.argv = [str(Path(rasa.argv[0]).parent / "rasa"), *rasa.argv[3:]]
        return stack, env

    def liaison(self, workdir: Path, model: Path) -> dict[str, Any]:
        stack, env = self.liaison_stack(workdir, model)
        rasa = stack.services["rasa"]
        say("liaison: starting the stack (lookup, actions, Rasa, web chat) ...")
        result: dict[str, Any] = {
            "model": str(model),
            "env": env,
            "rasa_command": rasa.argv[:3],
        }
        try:
            result["cold_start"] = self.cold_start(stack, "What time is lunch?")
            say(f"  cold start to first answer {result['cold_start']['to_first_answer_s']} s")
            result["questions_check"] = check_questions(stack, q.ACTION + q.RESPONSE)
            kinds = {"action": q.ACTION, "response": q.RESPONSE}
            if FRESH in self.args.kinds:
                # The last of one more slice than there are loads is parsed, never asked.
                made = fresh.generate(tuple(getattr(self.args, "fresh_languages", fresh.LANGUAGES)))
                *asked, checked = fresh.slices(made, len(self.args.users) + 1)
                sample = q.interleaved(checked)[: 30 * len(made)]
                result["fresh_check"] = check_fresh(stack, sample)
                say(f"  fresh questions: {result['fresh_check']}")
                kinds[FRESH] = [x for part in asked for x in part]
            kinds = {kind: kinds[kind] for kind in self.args.kinds}
            result["loads"] = self.loads(stack, "liaison", kinds)
            if not self.args.quick:
                result["lookup"] = self.lookup_load(stack, max(self.args.users))
                result["long_conversation"] = self.long_conversation(stack, "liaison", q.ACTION)
            result["memory"] = memory_of(stack)
            say(f"  memory: {result['memory']}")
        finally:
            stack.stop()
        return result

    def reference(self, reference: Reference, workdir: Path, with_action: bool) -> dict[str, Any]:
        name = "starter_action" if with_action else "starter"
        project = reference.variant if with_action else reference.starter
        config = self.config(workdir, Reference.model_in(project), {})
        stack = ReferenceStack(reference, config, with_action=with_action)
        say(f"{name}: starting ...")
        result: dict[str, Any] = {"model": str(Reference.model_in(project))}
        try:
            result["cold_start"] = self.cold_start(stack, "are you a bot?")
            say(f"  cold start to first answer {result['cold_start']['to_first_answer_s']} s")
            if with_action:
                kinds = {"action": q.REFERENCE_ACTION, "response": q.REFERENCE_RULES_RESPONSE}
            else:
                kinds = {"response": q.REFERENCE_RESPONSE}
            checked = [x for qs in kinds.values() for x in qs]
            result["questions_check"] = check_questions(stack, checked)
            result["loads"] = self.loads(stack, name, kinds)
            result["long_conversation"] = self.long_conversation(
                stack, name, kinds.get("action", kinds["response"])
            )
            result["memory"] = memory_of(stack)
            say(f"  memory: {result['memory']}")
        finally:
            stack.stop()
        return result


def load_sample_exercise(lookup_env: Path, data_dir: Path) -> None:
    """A fresh database with the sample exercise, loaded by the real CLI (as the e2e tests do)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "LIAISON_"))}
    subprocess.run(
        [str(lookup_env / "bin" / "liaison"), "import-pack", str(SAMPLE_PACK)],
        env={**env, "LIAISON_DATA_DIR": str(data_dir)},
        check=True,
        capture_output=True,
    )


def train_liaison(out: Path, rasa_env: Path) -> tuple[Path, float]:
    """Full training of the project as `make model` trains it (`python -m bot.train`, Rasa's
    training cache off), into our own folder."""
    log = out / "train-liaison.log"
    started = time.monotonic()
    with log.open("wb") as handle:
        subprocess.run(
            [
                str(rasa_env / "bin" / "python"),
                "-m",
                "bot.train",
                "--force",
                "--out",
                str(out),
                "--fixed-model-name",
                "liaison",
            ],
            check=True,
            cwd=ROOT,
            env={
                **os.environ,
                "RASA_TELEMETRY_ENABLED": "false",
                "TF_CPP_MIN_LOG_LEVEL": "2",
                "RASA_CACHE_DIRECTORY": str(out / "cache"),
            },
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    return out / "liaison.tar.gz", time.monotonic() - started


def parse_env(pairs: list[str]) -> list[tuple[str, str]]:
    result = []
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise argparse.ArgumentTypeError(f"--env wants KEY=VALUE, got {pair!r}")
        result.append((key, value))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--duration", type=float, default=20.0, help="seconds measured per run")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds before measuring")
    parser.add_argument("--long-turns", type=int, default=50)
    parser.add_argument("--long-repeat", type=int, default=3)
    parser.add_argument("--model", type=Path, help="skip training: load this model instead")
    parser.add_argument("--reference-dir", type=Path, help="reuse a reference built before")
    parser.add_argument("--no-reference", action="store_true")
    parser.add_argument(
        "--env", action="append", default=[], help="KEY=VALUE for the stack's processes"
    )
    parser.add_argument(
        "--plain-rasa",
        action="store_true",
        help="the stack as before the speed fixes: plain `rasa run`, tracker database without WAL",
    )
    parser.add_argument(
        "--kinds",
        nargs="+",
        choices=["action", FRESH, "response"],
        default=["action", FRESH, "response"],
        help=f"{FRESH}: custom-action questions made from the pack, each asked once "
        "(tools/bench/fresh.py), so the lookup's read cache cannot answer them",
    )
    parser.add_argument(
        "--fresh-languages", nargs="+", default=list(fresh.LANGUAGES), help="for the fresh load"
    )
    parser.add_argument(
        "--quick", action="store_true", help="only the webhook loads (no lookup, long conversation)"
    )
    parser.add_argument(
        "--one-language",
        action="store_true",
        help="each conversation keeps to one language, as visitors do (default: the language "
        "changes at every turn)",
    )
    parser.add_argument(
        "--paired-rounds",
        type=int,
        default=3,
        help="alternating 10-user rounds against the reference, both up (0: none)",
    )
    parser.add_argument("--label", default="", help="a name for this run in the report")
    parser.add_argument("--out", type=Path, default=ROOT / "reports")
    parser.add_argument("--name", default="bench", help="report file names: <out>/<name>.*")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    args.env = parse_env(args.env)
    if max(args.users) > 200 or args.duration > 600:
        parser.error("bounded load: at most 200 users and 600 s per run")

    bench_root = ROOT / "models" / "bench"
    bench_root.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="run-", dir=bench_root))
    bench = Bench(args)
    result: dict[str, Any] = {
        "label": args.label,
        "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "host": host_info(),
        "uptime_before": uptime(),
        "settings": {
            "users": args.users,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "turns_per_conversation": 10,
            "languages": "one per conversation" if args.one_language else "mixed turn by turn",
            "long_turns": args.long_turns,
            "long_repeat": args.long_repeat,
            "niceness": os.nice(0),
        },
        "assistants": {},
    }
    say(f"work folder {workdir}; {result['uptime_before']}")
    try:
        if args.model:
            model, train_seconds = args.model.resolve(), None
        else:
            say("training the project's model (python -m bot.train, as make model) ...")
            model, train_seconds = train_liaison(workdir, bench.defaults.rasa_env)
            say(f"  trained in {train_seconds:.0f} s")
        reference = None
        if not args.no_reference:
            if args.reference_dir:
                reference = Reference(args.reference_dir.resolve())
            else:
                reference = build(
                    workdir / "reference", bench.defaults.rasa_env, workdir / "reference.log", say
                )
        liaison = bench.liaison(workdir / "liaison", model)
        liaison["train_seconds"] = round(train_seconds, 1) if train_seconds else None
        result["assistants"]["liaison"] = liaison
        if reference is not None:
            for with_action in (False, True):
                name = "starter_action" if with_action else "starter"
                entry = bench.reference(reference, workdir / name, with_action)
                entry["train_seconds"] = (
                    reference.variant_train_seconds if with_action else reference.init_seconds
                )
                result["assistants"][name] = entry
            if args.paired_rounds > 0 and not args.quick:
                result["paired"] = bench.paired(reference, workdir / "paired", model)
    finally:
        result["uptime_after"] = uptime()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    json_path = args.out / f"{args.name}.json"
    json_path.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    markdown = report.markdown(result)
    (args.out / f"{args.name}.md").write_text(markdown)
    report.plot(result, args.out / f"{args.name}_latency.png")
    print("\n" + markdown)
    say(f"{result['uptime_after']}")
    say(f"wrote {json_path}, {args.out / (args.name + '.md')}, {args.name}_latency.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
