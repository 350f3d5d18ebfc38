"""Tables and plot for `make bench`, from the run's JSON (reports/bench.json).

Every figure of the assistant is also given as a ratio to the `rasa init` reference measured in
the same run: throughput ×(ours / reference), latency ×(ours / reference). Action turns are also
compared with the reference variant that has one custom action (`starter_action`).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

TITLES = {
    "liaison": "Liaison",
    "starter": "rasa init (reference)",
    "starter_action": "rasa init + 1 custom action, rules only",
}
KIND_TITLES = {
    "action": "custom action + lookup",
    "fresh": "custom action + lookup, questions never asked before",
    "response": "plain response",
}


def _ratio(ours: float | None, reference: float | None) -> str:
    if not ours or not reference or math.isnan(ours) or math.isnan(reference):
        return "–"
    return f"{ours / reference:.2f}×"


def _reference_load(
    result: dict[str, Any], name: str, kind: str, users: str
) -> dict[str, Any] | None:
    loads = result["assistants"].get(name, {}).get("loads", {})
    return loads.get(kind, {}).get(users)


def _cpu(load: dict[str, Any]) -> str:
    cpu = load.get("cpu_ms_per_turn") or {}
    parts = [cpu[name] for name in ("rasa", "actions", "lookup") if name in cpu]
    if not parts:
        return "–"
    return f"{sum(parts):.0f} = " + " + ".join(f"{x:.1f}" for x in parts)


def load_rows(result: dict[str, Any]) -> list[str]:
    lines = [
        "| assistant | turn | users | turns/s | × ref | × ref+action | p50 ms | p95 ms | p99 ms "
        "| p50 × ref | CPU ms/turn: Rasa + actions + lookup | errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, entry in result["assistants"].items():
        for kind, by_users in entry.get("loads", {}).items():
            for users, load in by_users.items():
                ref = _reference_load(result, "starter", "response", users) or {}
                ref_same = _reference_load(result, "starter_action", kind, users) or {}
                latency = load["latency_ms"]
                lines.append(
                    f"| {TITLES.get(name, name)} | {KIND_TITLES.get(kind, kind)} | {users} | "
                    f"{load['turns_per_s']:.1f} | "
                    f"{_ratio(load['turns_per_s'], ref.get('turns_per_s'))} | "
                    f"{_ratio(load['turns_per_s'], ref_same.get('turns_per_s'))} | "
                    f"{latency['p50']:.0f} | {latency['p95']:.0f} | {latency['p99']:.0f} | "
                    f"{_ratio(latency['p50'], ref.get('latency_ms', {}).get('p50'))} | "
                    f"{_cpu(load)} | {load['errors']}/{load['requests']} |"
                )
    return lines


def process_rows(result: dict[str, Any]) -> list[str]:
    lines = [
        "| assistant | full train | cold start → first answer | first answer | turn 2-10 "
        "(median) | turn 50 | Rasa RSS (peak) | actions RSS | lookup RSS |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, entry in result["assistants"].items():
        memory = entry.get("memory", {})
        cold = entry.get("cold_start", {})
        long = entry.get("long_conversation", {})

        def mb(service: str, memory: dict[str, Any] = memory) -> str:
            m = memory.get(service)
            return f"{m['rss_mb']:.0f} MB ({m['peak_rss_mb']:.0f})" if m else "–"

        train = entry.get("train_seconds")
        lines.append(
            f"| {TITLES.get(name, name)} | "
            f"{f'{train / 60:.1f} min' if train else '–'} | "
            f"{cold.get('to_first_answer_s', '–')} s | {cold.get('first_answer_ms', '–')} ms | "
            f"{long.get('turns_2_to_10_median_ms', '–')} ms | {long.get('turn_last_ms', '–')} ms | "
            f"{mb('rasa')} | {mb('actions')} | {mb('lookup')} |"
        )
    return lines


def paired_rows(paired: dict[str, Any] | None) -> list[str]:
    """The alternating rounds: the target ratio measured so that machine drift cancels."""
    if not paired:
        return []
    users = paired["users"]
    lines = [
        f"## Paired rounds at {users} users (both stacks up, loads alternating)",
        "",
        "| round | Liaison custom-action turns/s | reference plain turns/s | ratio |",
        "|---|---|---|---|",
    ]
    for number, row in enumerate(paired["rounds"], 1):
        lines.append(
            f"| {number} | {row['liaison_action']['turns_per_s']:.1f} | "
            f"{row['starter_response']['turns_per_s']:.1f} | {row['ratio']:.2f}× |"
        )
    return [*lines, "", f"Median ratio: **{paired['median_ratio']:.2f}×**.", ""]


def markdown(result: dict[str, Any]) -> str:
    host = result["host"]
    settings = result["settings"]
    label = f" ({result['label']})" if result.get("label") else ""
    lines = [
        f"# Speed and memory{label}",
        "",
        f"Run {result['started_at']} on {host['cpus']} CPU(s) ({host['cpu']}), "
        f"{host['memory_gb']} GB, niceness {settings['niceness']}; each load "
        f"{settings['duration_s']:.0f} s after {settings['warmup_s']:.0f} s warm-up, a new "
        f"sender every {settings['turns_per_conversation']} turns, languages "
        f"{settings.get('languages', 'mixed turn by turn')}.",
        "",
        f"- before: `{result['uptime_before']}`",
        f"- after: `{result.get('uptime_after', '')}`",
        "",
        "## Turns through the REST webhook",
        "",
        "× ref: throughput relative to the bare `rasa init` assistant at the same number of "
        "users (its plain turns); × ref+action: relative to the reference variant with one "
        "custom action, same kind of turn. CPU ms/turn: CPU time the processes used per turn "
        "during the load, which other work on the machine barely changes.",
        "",
        *load_rows(result),
        "",
        "## Training, start-up, long conversations, memory",
        "",
        *process_rows(result),
        "",
    ]
    lines += paired_rows(result.get("paired"))
    lookup = result["assistants"].get("liaison", {}).get("lookup")
    if lookup:
        lines += [
            f"Lookup service alone at {lookup['users']} concurrent users (GET /v1/topics/…, three "
            f"languages): {lookup['turns_per_s']:.0f} requests/s, p50 "
            f"{lookup['latency_ms']['p50']:.1f} ms, p95 {lookup['latency_ms']['p95']:.1f} ms, "
            f"errors {lookup['errors']}/{lookup['requests']}.",
            "",
        ]
    fresh = result["assistants"].get("liaison", {}).get("fresh_check")
    if fresh:
        intents = ", ".join(f"{name} {n}" for name, n in list(fresh["intents"].items())[:8])
        lines += [
            f"Questions never asked before (tools/bench/fresh.py, each asked once): of a sample "
            f"of {fresh['questions']} not used in the loads, the model sent "
            f"{fresh['custom_action']} to a custom action ({intents}, …); the rest got a plain "
            "response and count in the fresh load too.",
            "",
        ]
    for name, entry in result["assistants"].items():
        check = entry.get("questions_check")
        if check and check["not"]:
            wrong = "; ".join(f"{w['text']!r} → {w['got']}" for w in check["not"][:8])
            lines.append(
                f"{TITLES.get(name, name)}: {check['as_expected']}/{check['questions']} benchmark "
                f"questions classified as intended; others: {wrong}"
            )
    return "\n".join(lines) + "\n"


def plot(result: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (latency_axes, throughput_axes) = plt.subplots(1, 2, figsize=(12, 4.8))
    styles = {"action": "o", "fresh": "^", "response": "s"}
    for name, entry in result["assistants"].items():
        for kind, by_users in entry.get("loads", {}).items():
            users = sorted(by_users, key=int)
            x = [int(u) for u in users]
            label = f"{TITLES.get(name, name)}: {KIND_TITLES.get(kind, kind)}"
            p50 = [by_users[u]["latency_ms"]["p50"] for u in users]
            p95 = [by_users[u]["latency_ms"]["p95"] for u in users]
            line = latency_axes.plot(x, p50, marker=styles.get(kind, "o"), label=f"{label} p50")
            latency_axes.plot(
                x, p95, marker=styles.get(kind, "o"), linestyle="--", color=line[0].get_color()
            )
            throughput_axes.plot(
                x,
                [by_users[u]["turns_per_s"] for u in users],
                marker=styles.get(kind, "o"),
                color=line[0].get_color(),
                label=label,
            )
    levels = sorted(
        {
            int(u)
            for e in result["assistants"].values()
            for k in e.get("loads", {}).values()
            for u in k
        }
    )
    for axes in (latency_axes, throughput_axes):
        axes.set_xscale("log")
        axes.set_xticks(levels, [str(u) for u in levels])
        axes.minorticks_off()
        axes.set_xlabel("concurrent users")
        axes.grid(True, which="both", alpha=0.3)
    latency_axes.set_yscale("log")
    latency_axes.set_ylabel("latency, ms (solid p50, dashed p95)")
    throughput_axes.set_ylabel("turns per second")
    throughput_axes.set_ylim(bottom=0)
    throughput_axes.legend(fontsize=7, loc="lower left")
    figure.suptitle(f"REST webhook turns vs concurrency ({result['started_at'][:10]})")
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    plt.close(figure)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tables and plot from a bench JSON file.")
    parser.add_argument("json", type=Path)
    parser.add_argument("--plot", type=Path)
    args = parser.parse_args(argv)
    result = json.loads(args.json.read_text())
    print(markdown(result))
    if args.plot:
        plot(result, args.plot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
