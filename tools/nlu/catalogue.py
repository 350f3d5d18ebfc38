"""`make catalogue`: rewrite the intent table of docs/intents.md with an example per language
taken from the training data, so the catalogue never drifts from what the model learns."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

MARKUP = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")
START, END = "<!-- catalogue:start -->", "<!-- catalogue:end -->"


def first_examples(data: Path) -> dict[str, dict[str, str]]:
    """intent -> language -> first example, entity markup removed."""
    found: dict[str, dict[str, str]] = {}
    for lang_dir in sorted(p for p in data.iterdir() if p.is_dir()):
        for path in sorted(lang_dir.glob("*.yml")):
            for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
                if "intent" not in block:
                    continue
                lines = [
                    line[2:].strip()
                    for line in block["examples"].splitlines()
                    if line.startswith("- ")
                ]
                if lines:
                    found.setdefault(block["intent"], {}).setdefault(
                        lang_dir.name, MARKUP.sub(r"\1", lines[0])
                    )
    return found


def render(
    meanings: dict[str, tuple[str, str]], examples: dict[str, dict[str, str]], langs: list[str]
) -> str:
    head = "| intent | meaning | answered by | " + " | ".join(langs) + " |\n"
    head += "|---" * (3 + len(langs)) + "|\n"
    rows = []
    for intent, (meaning, answer) in meanings.items():
        cells = " | ".join(
            examples.get(intent, {}).get(lang, "—").replace("|", "\\|") for lang in langs
        )
        rows.append(f"| {intent} | {meaning} | {answer} | {cells} |")
    return head + "\n".join(rows) + "\n"


def main() -> int:
    doc = Path("docs/intents.md")
    text = doc.read_text(encoding="utf-8")
    if START not in text:
        print(f"{doc} has no {START} marker", file=sys.stderr)
        return 2
    before, rest = text.split(START)
    table, after = rest.split(END)
    meanings = {}
    for line in table.strip().splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        meanings[cells[0]] = (cells[1], cells[2])
    examples = first_examples(Path("data/nlu"))
    langs = sorted({lang for per_lang in examples.values() for lang in per_lang})
    doc.write_text(
        before + START + "\n" + render(meanings, examples, langs) + END + after, encoding="utf-8"
    )
    print(f"rewrote the intent table of {doc} ({len(meanings)} intents, {', '.join(langs)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
