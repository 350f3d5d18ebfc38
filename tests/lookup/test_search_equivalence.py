"""Issue 22: the search scores only the texts its words are in (an inverted index built once per
knowledge version) instead of walking every text of the exercise for every query. The ranking
must not move: the same items, in the same order, with the same scores, coverage and unmatched
words as the full scan gave, on questions from every source we have (the answer sets, the NLU
held-out sets, make bench's fresh questions) over both test exercises, in both modes and with
the kind lists the action server asks for.

`full_scan` below is the scan as it was before the index (lookup/search.py at 8f8b681), on the
same rows and the same word matching (`_matches_known`), so a change to the matching moves both
and this test keeps checking only the scan."""

from __future__ import annotations

import math
import random
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from sqlalchemy.orm import Session

from lookup import search as search_module
from lookup.app import create_app
from lookup.packs.importer import import_pack
from lookup.packs.loader import load_pack
from lookup.search import (
    ASKING_WORDS,
    COURTESY_WORDS,
    STOPWORDS,
    Hit,
    _matches_known,
    _name_coverage,
    query_words,
    search_explained,
)
from lookup.settings import Settings
from tests.packs import SAMPLE_PACK, other_pack, write_pack
from tools.bench import fresh

ROOT = Path(__file__).resolve().parents[2]
# An entity annotation in an NLU example: [words](entity) or [words]{"entity": ...}.
ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")
# The kind lists asked with (None: every kind), taken in turn.
KINDS: list[list[str] | None] = [None, ["event"], ["venue", "event"], ["contact"], ["rank"]]
MODES: list[Literal["question", "name"]] = ["question", "question", "name"]


def full_scan(
    session: Session,
    exercise_id: str,
    query: str,
    kinds: list[str] | None,
    limit: int,
    mode: Literal["question", "name"],
) -> tuple[list[Hit], list[str]]:
    """The ranking as the search computed it before the index: every text, every query word."""
    wanted = query_words(query)
    if not wanted:
        return [], []
    texts = search_module._searched_texts(session, exercise_id, kinds)
    matches = {word: _matches_known(word, texts.vocabulary, texts.known) for word in wanted}
    wanted = [w for w in wanted if len(w) > 1 or matches[w]]  # a letter the texts lack
    if not wanted:
        return [], []
    unmatched = [w for w in wanted if not matches[w]]
    informative = wanted if mode == "name" else [w for w in wanted if matches[w]]
    if not informative:
        return [], unmatched
    best: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    names: dict[tuple[str, str], list[set[str]]] = defaultdict(list)
    own: set[tuple[str, str]] = set()
    for kind, item_id, is_name, text_words in texts.rows:
        scores = best[(kind, item_id)]
        if is_name:
            names[(kind, item_id)].append(
                {w for w in text_words if len(w) > 1 and w not in STOPWORDS}
            )
        for word in informative:
            score = (2.0 if is_name else 1.0) * best_in(matches[word], text_words)
            if score > 0 and is_name is not None:
                own.add((kind, item_id))
            if score > scores.get(word, 0.0):
                scores[word] = score
    weight = rarity(informative, best)
    total = sum(weight.values())
    whole = sum(rarity([w for w in wanted if w not in ASKING_WORDS], best).values())
    matched_by_query: dict[str, float] = {}
    for word in informative:
        for candidate, score in matches[word].items():
            matched_by_query[candidate] = max(score, matched_by_query.get(candidate, 0.0))
    hits: list[Hit] = []
    under_half: list[Hit] = []
    for key, scores in best.items():
        found = sum(weight[word] for word in informative if scores.get(word, 0.0) > 0)
        its_asking = sum(
            weight[word]
            for word in informative
            if word in ASKING_WORDS and scores.get(word, 0.0) > 0
        )
        lacked = sum(weight[word] for word in informative if word in ASKING_WORDS) - its_asking
        if key not in own:
            continue
        unsaid = sum(
            weight[word]
            for word in informative
            if word in COURTESY_WORDS and scores.get(word, 0.0) <= 0
        )
        relevance = sum(weight[word] * score for word, score in scores.items()) / (total - unsaid)
        covered = _name_coverage(names[key], matched_by_query)
        score = round(relevance * (1 + covered) / 2, 3)
        hit = Hit(key[0], key[1], score, round(found / (whole + its_asking), 3))
        (hits if found * 2 > total - lacked else under_half).append(hit)
    # The rule after the ranking (an item whose whole name the query says before a longer name
    # containing it) reads the ranked hits, not the index: applied here as the search applies
    # it, it is tested on its own in tests/lookup/test_search_exact_name_over_description.py.
    hits = search_module._exact_before_longer(hits, under_half, names, matched_by_query)
    hits.sort(key=lambda hit: (-hit.score, hit.kind, hit.item_id))
    return hits[:limit], unmatched


def rarity(
    informative: list[str], best: dict[tuple[str, str], dict[str, float]]
) -> dict[str, float]:
    items = max(len(best), 1)
    return {
        word: math.log(
            1 + items / max(sum(1 for scores in best.values() if scores.get(word, 0.0) > 0), 1)
        )
        for word in informative
    }


def best_in(found: dict[str, float], text_words: set[str]) -> float:
    return max((score for word, score in found.items() if word in text_words), default=0.0)


def nlu_examples(path: Path) -> Iterator[str]:
    for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
        for line in str(block.get("examples") or "").splitlines():
            line = line.strip()
            if line.startswith("- "):
                yield ANNOTATION.sub(r"\1", line[2:])


def answer_questions() -> Iterator[str]:
    for path in sorted((ROOT / "tests" / "answers").rglob("*.yml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            yield str(entry["q"])


def questions(other: Path, per_source: int) -> list[str]:
    """Every answer question, and `per_source` drawn (the same each run) from the NLU held-out
    sets and from the fresh questions of each exercise, in all four languages."""
    chosen = random.Random(22)
    heldout = [
        text
        for path in sorted((ROOT / "tests" / "nlu" / "heldout").rglob("*.yml"))
        for text in nlu_examples(path)
    ]
    made = [
        question.text
        for pack in (SAMPLE_PACK, other)
        for asked in fresh.generate(("ar", "en", "fr", "ur"), pack_path=pack).values()
        for question in asked
    ]
    drawn = chosen.sample(heldout, min(per_source, len(heldout)))
    drawn += chosen.sample(made, min(per_source, len(made)))
    return list(dict.fromkeys([*answer_questions(), *drawn]))


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path]]:
    """One SQLite service holding both exercises (the scan is Python over the same rows on any
    database; tests/lookup/test_search_index.py covers reading them)."""
    tmp = tmp_path_factory.mktemp("equivalence")
    other = write_pack(tmp / "other.yml", other_pack())
    app = create_app(Settings(data_dir=tmp / "data", service_token="test-service-token-0123"))
    for pack in (SAMPLE_PACK, other):
        import_pack(app.state.session_factory, load_pack(pack).pack)
    yield app.state.session_factory, other
    app.state.engine.dispose()


def test_same_ranking_as_the_full_scan(loaded: tuple[Any, Path]) -> None:
    factory, other = loaded
    asked = questions(other, per_source=900)
    assert len(asked) > 2000
    compared = with_hits = several = 0
    differences = []
    with factory() as session:
        for exercise_id in ("sand-heron-27", "test-oasis-99"):
            for n, query in enumerate(asked):
                kinds, mode = KINDS[n % len(KINDS)], MODES[n % len(MODES)]
                expected = full_scan(session, exercise_id, query, kinds, 50, mode)
                got = search_explained(session, exercise_id, query, kinds, 50, mode)
                compared += 1
                with_hits += bool(expected[0])
                several += len(expected[0]) > 1
                if got != expected:
                    differences.append((exercise_id, query, kinds, mode, expected, got))
    assert not differences[:3], f"{len(differences)} of {compared} differ"
    # The comparison means something: a good share of the questions find items (the kind lists
    # and name mode leave many without), many of them several, whose order is compared too.
    assert with_hits > compared // 5
    assert several > compared // 10


def test_same_matches_as_the_walk_over_every_word(loaded: tuple[Any, Path]) -> None:
    """What each query word matches (prefix, stem, typo, equivalents), found through the
    vocabulary's index, is what walking every word of a plain set finds: for every distinct word
    of the questions, both exercises and the kind lists asked."""
    factory, other = loaded
    asked = sorted(
        {word for query in questions(other, per_source=900) for word in query_words(query)}
    )
    assert len(asked) > 1500
    compared = fuzzy = 0
    differences = []
    with factory() as session:
        for exercise_id in ("sand-heron-27", "test-oasis-99"):
            for kinds in KINDS[:3]:
                vocabulary = search_module._searched_texts(session, exercise_id, kinds).vocabulary
                assert isinstance(vocabulary, search_module.Vocabulary)
                plain = set(vocabulary)
                for word in asked:
                    expected = search_module._matches(word, plain)
                    got = search_module._matches(word, vocabulary)
                    compared += 1
                    fuzzy += any(score < 1 for score in expected.values())
                    if got != expected:
                        differences.append((exercise_id, kinds, word, expected, got))
    assert not differences[:3], f"{len(differences)} of {compared} differ"
    assert fuzzy > compared // 20  # prefixes, stems and typos are compared, not only whole words


def test_the_check_sees_a_ranking_that_moves(loaded: tuple[Any, Path]) -> None:
    """The reference is not the search itself: with a word's texts dropped from the index, the
    search's answer changes and the full scan's does not."""
    factory, _ = loaded
    query = "when is the opening ceremony"
    with factory() as session:
        expected = full_scan(session, "sand-heron-27", query, None, 50, "question")
        assert expected[0]
        assert search_explained(session, "sand-heron-27", query, None, 50) == expected
        texts = search_module._searched_texts(session, "sand-heron-27", None)
        opening = texts.postings["opening"]
        try:
            texts.postings["opening"] = ()
            assert search_explained(session, "sand-heron-27", query, None, 50) != expected
            assert full_scan(session, "sand-heron-27", query, None, 50, "question") == expected
        finally:
            texts.postings["opening"] = opening
