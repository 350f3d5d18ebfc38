"""`lookup.search._exact_before_longer` on every search (issue 22's hot path): the same result as
comparing every hit with every hit, for work that grows with the hits, not with their square."""

from __future__ import annotations

import random
from typing import Any

from lookup.search import Hit, _exact_before_longer


def pairwise(
    hits: list[Hit],
    under_half: list[Hit],
    names: dict[tuple[str, str], list[set[str]]],
    matched_by_query: dict[str, float],
) -> list[Hit]:
    """The rule as first written: each hit against each hit."""
    said = {word for word, score in matched_by_query.items() if score >= 1.0}

    def whole_names(hit: Hit) -> list[set[str]]:
        return [name for name in names.get((hit.kind, hit.item_id), []) if name and name <= said]

    def contains(longer: Hit, shorter: Hit) -> bool:
        if longer.kind != shorter.kind or whole_names(longer):
            return False
        return any(
            short < name and not any(matched_by_query.get(w, 0.0) > 0 for w in name - short)
            for short in whole_names(shorter)
            for name in names.get((longer.kind, longer.item_id), [])
        )

    kept = {(hit.kind, hit.item_id): hit for hit in hits}
    for longer in hits:
        for shorter in [*hits, *under_half]:
            if shorter.item_id == longer.item_id or not contains(longer, shorter):
                continue
            current = kept.get((shorter.kind, shorter.item_id))
            top = max(longer.score, current.score if current else shorter.score)
            kept[(shorter.kind, shorter.item_id)] = Hit(
                shorter.kind, shorter.item_id, top, shorter.coverage
            )
            ahead = kept[(longer.kind, longer.item_id)]
            kept[(longer.kind, longer.item_id)] = Hit(
                longer.kind, longer.item_id, min(ahead.score, round(top - 0.001, 3)), ahead.coverage
            )
    return list(kept.values())


def made_up(
    seed: int, count: int, vocabulary: int
) -> tuple[list[Hit], list[Hit], dict[tuple[str, str], list[set[str]]], dict[str, float]]:
    chosen = random.Random(seed)
    words = [f"w{n}" for n in range(vocabulary)]
    names: dict[tuple[str, str], list[set[str]]] = {}
    hits: list[Hit] = []
    under_half: list[Hit] = []
    for n in range(count):
        kind = chosen.choice(("event", "venue"))
        names[(kind, f"i{n}")] = [
            set(chosen.sample(words, chosen.randint(0, 4))) for _ in range(chosen.randint(0, 2))
        ]
        hit = Hit(kind, f"i{n}", round(chosen.random(), 3), round(chosen.random(), 3))
        (under_half if chosen.random() < 0.3 else hits).append(hit)
    matched = {word: 1.0 for word in chosen.sample(words, chosen.randint(1, 5))}
    matched.update({word: 0.7 for word in chosen.sample(words, chosen.randint(0, 3))})
    return hits, under_half, names, matched


def test_same_result_as_every_hit_against_every_hit() -> None:
    moved = 0
    for seed in range(3000):
        hits, under_half, names, matched = made_up(seed, random.Random(seed).randint(1, 12), 9)
        expected = pairwise(hits, under_half, names, matched)
        assert _exact_before_longer(hits, under_half, names, matched) == expected, seed
        moved += expected != hits
    assert moved > 50  # the rule did change the ranking in enough of them to mean something


class CountingNames(dict[tuple[str, str], list[set[str]]]):
    reads = 0

    def get(self, key: tuple[str, str], default: Any = None) -> Any:
        CountingNames.reads += 1
        return super().get(key, default)


def test_work_grows_with_the_hits_not_their_square() -> None:
    hits, under_half, plain, matched = made_up(7, 600, 40)
    names = CountingNames(plain)
    CountingNames.reads = 0
    _exact_before_longer(hits, under_half, names, matched)
    assert CountingNames.reads < 10 * 600  # every hit against every hit read it ~10**6 times
