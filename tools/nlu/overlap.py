"""`make overlap`: training examples that repeat a held-out example, and removing them.

A held-out example that is also a training example (after folding case, accents, Arabic letter
forms and punctuation), or differs from one of the same intent by a single word in a message of
four words or more, measures memory, not understanding (a one-word pair across two intents is
a boundary worth teaching, and stays). The held-out sets are the fixed reference; the
training data gives way: `--fix` deletes the offending lines from data/nlu/<lang>/*.yml.
`tests/nlu/test_overlap.py` keeps it that way.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from common.textnorm import fold

_WORD = re.compile(r"\w+")
_ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")
_EXAMPLE_LINE = re.compile(r"^\s*- (.*)$")
_BLOCK = re.compile(r"^- (intent|synonym|regex|lookup):(.*)$")


@dataclass(frozen=True)
class Overlap:
    heldout: str
    training: str
    kind: str  # "same" or "one word apart"


def key(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(_ANNOTATION.sub(r"\1", text))))


def _masks(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [(*words[:i], "\0", *words[i + 1 :]) for i in range(len(words))]


Example = tuple[str, str]  # (text, intent)

# The OPSEC held-out sets (tests/nlu/heldout/restricted_*/) label near-misses "benign": any intent
# but ask_restricted, so a benign example one word from any such training example is an overlap.
BENIGN = "benign"
RESTRICTED = "ask_restricted"


def find_overlaps(training: list[Example], heldout: list[Example]) -> list[Overlap]:
    by_key = {key(text): text for text, _ in training}
    by_mask: dict[tuple[tuple[str, ...], str], str] = {}
    for text, intent in training:
        words = key(text)
        if len(words) >= 4:
            for mask in _masks(words):
                by_mask.setdefault((mask, intent), text)
    found = []
    for text, intent in heldout:
        words = key(text)
        if words in by_key:
            found.append(Overlap(text, by_key[words], "same"))
        elif len(words) >= 4:
            intents = [intent]
            if intent == BENIGN:
                intents = sorted({i for _, i in by_mask} - {RESTRICTED})
            masks = [(mask, i) for mask in _masks(words) for i in intents]
            near = next((by_mask[m] for m in masks if m in by_mask), None)
            if near is not None:
                found.append(Overlap(text, near, "one word apart"))
    return found


def training_lines(folder: Path) -> list[tuple[Path, int, str, str]]:
    """Every intent example line of the folder's YAML files: (file, line index, text, intent).
    Synonym, regex and lookup entries are not examples and are left out."""
    lines = []
    for path in sorted(folder.glob("*.yml")):
        intent = None
        for index, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            block = _BLOCK.match(line)
            if block:
                intent = block.group(2).strip() if block.group(1) == "intent" else None
                continue
            match = _EXAMPLE_LINE.match(line)
            if intent and match and line.startswith("    "):
                lines.append((path, index, match.group(1), intent))
    return lines


def heldout_examples(path: Path) -> list[Example]:
    from rasa.shared.nlu.training_data.loading import load_data

    return [(m.get("text"), m.get("intent")) for m in load_data(str(path)).intent_examples]


def remove_lines(doomed: set[tuple[Path, int]]) -> None:
    """Delete the lines, and an intent's block left with no example by it (its `- intent:` and
    `examples: |` lines): Rasa warns of an intent with no examples at every load."""
    for path in {p for p, _ in doomed}:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        gone = {i for p, i in doomed if p == path}
        for start, examples in _example_blocks(lines).items():
            if examples and gone.issuperset(examples):
                gone.add(start)
                if lines[start + 1].strip() == "examples: |":
                    gone.add(start + 1)
        path.write_text("".join(line for i, line in enumerate(lines) if i not in gone), "utf-8")


def _example_blocks(lines: list[str]) -> dict[int, list[int]]:
    """Each intent block's first line (`- intent: ...`, then `  examples: |`): its example lines."""
    blocks: dict[int, list[int]] = {}
    start = None
    for index, line in enumerate(lines):
        block = _BLOCK.match(line)
        if block:
            start = index if block.group(1) == "intent" else None
            if start is not None:
                blocks[start] = []
        elif start is not None and line.startswith("    ") and _EXAMPLE_LINE.match(line):
            blocks[start].append(index)
    return blocks


def _overlaps_in(
    folder: Path, heldout: list[Example]
) -> tuple[list[tuple[Path, int, str, str]], list[Overlap]]:
    lines = training_lines(folder)
    return lines, find_overlaps([(text, intent) for *_, text, intent in lines], heldout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("data/nlu"))
    parser.add_argument("--heldout", type=Path, default=Path("tests/nlu/heldout"))
    parser.add_argument("--fix", action="store_true", help="delete the offending training lines")
    args = parser.parse_args(argv)

    total = 0
    # <lang>.yml, and the OPSEC sets restricted/<lang>.yml, against data/nlu/<lang>/.
    for heldout in sorted([*args.heldout.glob("*.yml"), *args.heldout.glob("*/*.yml")]):
        examples = heldout_examples(heldout)
        folder = args.data / heldout.stem
        lines, overlaps = _overlaps_in(folder, examples)
        total += len(overlaps)
        name = heldout.relative_to(args.heldout)
        print(f"{name}: {len(overlaps)} held-out examples repeat a training example")
        for overlap in overlaps:
            print(f"  [{overlap.kind}] {overlap.heldout!r} ~ training {overlap.training!r}")
        removed = 0
        while args.fix and overlaps:  # a removal can uncover another near neighbour
            offending = {key(o.training) for o in overlaps}
            doomed = {(p, i) for p, i, text, _ in lines if key(text) in offending}
            remove_lines(doomed)
            removed += len(doomed)
            lines, overlaps = _overlaps_in(folder, examples)
        if removed:
            print(f"  removed {removed} training lines")
    return 1 if total and not args.fix else 0


if __name__ == "__main__":
    sys.exit(main())
