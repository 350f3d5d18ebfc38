"""Does a change to the NLU code keep every prediction? Parse a fixed set of texts with a model,
save the parse data, and compare a later run against it (issue 22: CPU work removed from the
pipeline must leave intent rankings, confidences to 1e-6 and entities as they were).

    python -m tools.nlu.same_parses --model models/current.tar.gz --save /tmp/before.json
    (change the code)
    python -m tools.nlu.same_parses --model models/current.tar.gz --compare /tmp/before.json

The texts: every example of data/nlu/** and tests/nlu/heldout/**, and the first `--fresh` of
each language's never-asked questions of tools/bench/fresh.py. Also prints the CPU time
(`time.process_time`) each pipeline component took over all of them, to see where it goes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

TOLERANCE = 1e-6


def texts(fresh_per_language: int) -> list[str]:
    """The texts to parse, each once, in a fixed order."""
    from rasa.shared.nlu.training_data.loading import load_data

    found: list[str] = []
    for root in (Path("data/nlu"), Path("tests/nlu/heldout")):
        for path in sorted(root.rglob("*.yml")):
            if "nlu:" not in path.read_text(encoding="utf-8"):
                continue
            for message in load_data(str(path)).training_examples:
                text = message.get("text")
                if text:
                    found.append(text)
    if fresh_per_language:
        from tools.bench.fresh import generate

        for questions in generate().values():
            found.extend(question.text for question in questions[:fresh_per_language])
    return list(dict.fromkeys(found))


def differences(before: Any, after: Any, where: str = "") -> list[str]:
    """Where two parse data differ: floats by more than TOLERANCE, anything else at all."""
    if isinstance(before, float) and isinstance(after, (int, float)):
        return [] if abs(before - after) <= TOLERANCE else [f"{where}: {before} != {after}"]
    if isinstance(before, dict) and isinstance(after, dict):
        if before.keys() != after.keys():
            return [f"{where}: keys {sorted(before)} != {sorted(after)}"]
        return [d for key in before for d in differences(before[key], after[key], f"{where}.{key}")]
    if isinstance(before, list) and isinstance(after, list):
        if len(before) != len(after):
            return [f"{where}: {len(before)} items != {len(after)}"]
        return [
            d
            for index, (old, new) in enumerate(zip(before, after, strict=True))
            for d in differences(old, new, f"{where}[{index}]")
        ]
    return [] if before == after else [f"{where}: {before!r} != {after!r}"]


def _time_components() -> dict[str, float]:
    """CPU seconds per graph node, from a wrapper around every node's call."""
    from rasa.engine.graph import GraphNode

    spent: dict[str, float] = defaultdict(float)
    original = GraphNode.__call__

    def timed(self: GraphNode, *inputs: Any) -> Any:
        start = time.process_time()
        try:
            return original(self, *inputs)
        finally:
            spent[self._node_name] += time.process_time() - start

    GraphNode.__call__ = timed  # type: ignore[method-assign]
    return spent


async def parse_all(model: Path, items: list[str]) -> tuple[dict[str, Any], float]:
    """Every text's parse data, and the CPU seconds the parses took."""
    from rasa.core.agent import Agent

    from bot.patches import run_graphs_in_order

    run_graphs_in_order.apply()  # the graph run the server has (no dask between the nodes)
    agent = Agent.load(str(model))
    parsed = {}
    start = time.process_time()
    for text in items:
        parsed[text] = await agent.parse_message(text)
    return parsed, time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=Path("models/current.tar.gz"))
    parser.add_argument("--fresh", type=int, default=500, help="fresh questions per language")
    parser.add_argument("--limit", type=int, default=0, help="parse only the first N texts")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    args = parser.parse_args(argv)

    import logging

    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # the server's level: no debug line per parse
    logging.getLogger().setLevel(logging.WARNING)
    # A comparison parses the saved texts: data files edited since add or drop none.
    before = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    items = list(before) if before is not None else texts(args.fresh)
    if args.limit:
        items = items[: args.limit]
    spent = _time_components()
    parsed, total = asyncio.run(parse_all(args.model, items))
    print(f"{len(items)} texts, {1000 * total / len(items):.3f} ms of CPU each")
    for node, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        if seconds > 0.001:
            print(f"  {node:60s} {1000 * seconds / len(items):7.3f} ms")
    if args.save:
        args.save.write_text(json.dumps(parsed, ensure_ascii=False), encoding="utf-8")
        return 0
    assert before is not None
    changed = {
        text: found
        for text in items
        if (found := differences(before.get(text), json.loads(json.dumps(parsed[text]))))
    }
    for text, found in list(changed.items())[:20]:
        print(f"CHANGED {text!r}: {'; '.join(found[:3])}")
    print(f"{len(changed)} of {len(items)} parses differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
