"""Whether a reply carries the fact a correct answer must contain.

Pure functions, so the scoring rule is tested on its own (tests/tools/test_answer_scoring.py).
A question's `expect` is a list of facts that must all appear; a fact is a string or a list of
alternative spellings of it (e.g. ["20 January", "20 Jan"]). Text is compared folded (case,
accents, Arabic letter variants, Eastern digits) with times written 08h00 or 8:00 read as
08:00 and whitespace collapsed, so a reply is judged on its facts, not its typography.
"""

from __future__ import annotations

import re
from typing import Any

from common.textnorm import fold

_TIME = re.compile(r"(?<!\d)(\d{1,2})\s*[h:]\s*(\d{2})(?!\d)")
_SPACE = re.compile(r"\s+")

Fact = str | list[str]


def normalize(text: str) -> str:
    """Folded text, times as HH:MM, runs of spaces (incl. no-break) as one space."""
    folded = fold(text).replace("\u202f", " ").replace("\u00a0", " ")
    folded = _TIME.sub(lambda m: f"{int(m.group(1)):02d}:{m.group(2)}", folded)
    return _SPACE.sub(" ", folded)


def has_fact(reply: str, fact: Fact) -> bool:
    """Whether the reply contains the fact (any one of its alternatives)."""
    alternatives = [fact] if isinstance(fact, str) else fact
    text = normalize(reply)
    return any(normalize(str(alternative)) in text for alternative in alternatives)


def missing_facts(replies: list[str], expect: list[Fact]) -> list[Fact]:
    """The expected facts that no reply carries (empty: the answer is correct)."""
    whole = "\n".join(replies)
    return [fact for fact in expect if not has_fact(whole, fact)]


def tally(results: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Correct answers per language: {lang: {"correct": n, "total": n, "accuracy": x,
    "notices": n, "after_press": n}}. `notices`: misses whose reply offered the question's text
    in other languages (a result's `offered`), the answer issue 21 prescribes where the item has
    no text in the visitor's language; still misses, counted apart so that a gap in a pack's
    languages is not read as a wrong answer, nor the other way round. `after_press`: of those,
    the ones whose answer after pressing the first language offered (a result's `pressed`)
    carries every fact: what a visitor gets with one more tap."""
    table: dict[str, dict[str, Any]] = {}
    for result in results:
        row = table.setdefault(
            result["lang"], {"correct": 0, "total": 0, "notices": 0, "after_press": 0}
        )
        row["total"] += 1
        row["correct"] += 0 if result["missing"] else 1
        notice = bool(result["missing"] and result.get("offered"))
        row["notices"] += 1 if notice else 0
        pressed = result.get("pressed")
        row["after_press"] += 1 if notice and pressed and not pressed["missing"] else 0
    for row in table.values():
        row["accuracy"] = round(row["correct"] / row["total"], 3) if row["total"] else 0.0
    return dict(sorted(table.items()))
