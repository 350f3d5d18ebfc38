"""Search misses by kind (issue 20, after the eighth questions): a word the texts have whole is
no misspelling of another; the words asking about an item never count against one that does not
use them; "until" names nothing, in any language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lookup.search import Vocabulary, _matches_of
from tests.lookup.searching import EVENTS_AND_ALL, searcher
from tests.packs import SAMPLE_PACK, other_pack, write_pack

# Its tests only search: client_for makes each pack's service once (tests/lookup/conftest.py).
READ_ONLY = True


@pytest.mark.parametrize("as_index", [False, True])
def test_a_word_the_texts_have_whole_matches_no_near_spelling(as_index: bool) -> None:
    # Arabic "تدريب" (training) is one letter from Urdu "تقریب" (ceremony), folded "تقريب".
    texts = {"تدريب", "تدريبات", "تقريب", "closing", "closed"}
    vocabulary = Vocabulary(texts) if as_index else frozenset(texts)
    found = _matches_of("تدريب", vocabulary)
    assert found == {"تدريب": 1.0, "تدريبات": 0.8}
    # A word found nowhere whole is still read as a typo of a near one.
    assert _matches_of("تدرييب", vocabulary).get("تدريب") == 0.7
    assert _matches_of("clossing", vocabulary).get("closing") == 0.7


def test_a_rehearsal_is_not_its_ceremony_misspelt(client_for: Callable[..., TestClient]) -> None:
    # The opening ceremony's Urdu title (تقریب) matched the rehearsal's Arabic word for training
    # by one typo: the ceremony then covered the whole message asking for its rehearsal.
    in_sample = searcher(client_for(SAMPLE_PACK), "sand-heron-27")
    hits = in_sample("متى التدريب على مراسم الافتتاح", ["event"])
    assert hits[0].item_id == "ceremony-rehearsal", hits
    [opening] = [hit for hit in hits if hit.item_id == "opening-ceremony"]
    assert opening.coverage < 1.0, opening


@pytest.mark.parametrize(
    "query",
    [
        # الساعة (the hour) is in the opening ceremony's "by 07:30" (بحلول الساعة 07:30)
        "التدريب على مراسم الافتتاح يبدأ أي ساعة",
        # "position": its "be in position by 07:30"
        "opening ceremony rehearsal, position and start",
    ],
)
def test_asking_words_another_text_uses_do_not_count_against_the_item_named(
    client_for: Callable[..., TestClient], query: str
) -> None:
    in_sample = searcher(client_for(SAMPLE_PACK), "sand-heron-27")
    [hit, *_] = in_sample(query, ["event"])
    assert hit.item_id == "ceremony-rehearsal" and hit.coverage == 1.0, hit


@pytest.mark.parametrize(
    "query",
    [
        "till when is Well Square open",
        "la place du puits est ouverte jusqu'à quand",
        "ساحة البئر مفتوحة لغاية متى",
    ],
)
def test_until_names_nothing(
    client_for: Callable[..., TestClient], tmp_path: Path, query: str
) -> None:
    # Found in no text, "until" counted as a name the place lacked: the place then accounted
    # for under the share a message naming it plainly needs (actions/answer_found.py `plain`).
    in_other = searcher(client_for(write_pack(tmp_path / "o.yml", other_pack())), "test-oasis-99")
    [hit, *_] = in_other(query, EVENTS_AND_ALL)
    assert hit.item_id == "well-square" and hit.coverage == 1.0, hit


@pytest.mark.parametrize(
    "query", ["female accommodation block", "hébergement des personnels féminins"]
)
def test_female_is_said_of_women(client_for: Callable[..., TestClient], query: str) -> None:
    # The pack says "reserved for women", "hébergement des femmes": "female", found in no text,
    # counted as a name the accommodation lacked.
    in_sample = searcher(client_for(SAMPLE_PACK), "sand-heron-27")
    [hit, *_] = in_sample(query, EVENTS_AND_ALL)
    assert hit.item_id == "accommodation-blocks" and hit.coverage == 1.0, hit
