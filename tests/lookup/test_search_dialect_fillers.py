"""Words that name nothing, found in no text, counted against the item a question names (issue
20): spoken Arabic's "when" (امتى, ايمتى, وقتاش, فوقاش) and "or" (ولا), the article an Arabizi
"el" is written as when it stands apart from an English name ("ال field kitchen"), and the
tails of English contractions ("I've", "we'll", "you're"). Each left the item it asked about
under the share of the message a confident answer needs. And a word of the domain said another
way: Arabic أكل for the food a text calls طعام, جزمة for a حذاء (a boot, a shoe)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.lookup.searching import EVENTS_AND_ALL, searcher
from tests.packs import SAMPLE_PACK

OTHER = "test-oasis-99"


@pytest.mark.parametrize(
    ("said", "plain", "meant"),
    [
        ("امتى رفع العلم بالضبط", "رفع العلم بالضبط", "raising"),
        ("وقتاش كتحل ساحة البئر", "كتحل ساحة البئر", "well-square"),
        ("ساحة البئر ايمتى بتسكر", "ساحة البئر بتسكر", "well-square"),
        ("رفع العلم اليوم ولا بكرة", "رفع العلم اليوم بكرة", "raising"),
        ("ال well square فين", "well square فين", "well-square"),
        ("I've to find Well Square", "to find Well Square", "well-square"),
        (
            "we'll be at the flag raising, where is it",
            "be at the flag raising, where is it",
            "raising",
        ),
        (
            "you're sure Well Square is behind the tower",
            "sure Well Square is behind the tower",
            "well-square",
        ),
    ],
)
def test_filler_counts_against_no_item(
    client_for: Callable[..., TestClient],
    other_pack_path: Path,
    said: str,
    plain: str,
    meant: str,
) -> None:
    search = searcher(client_for(other_pack_path), OTHER)
    [hit, *_] = search(said, EVENTS_AND_ALL)
    [bare, *_] = search(plain, EVENTS_AND_ALL)
    assert hit.item_id == bare.item_id == meant, (hit, bare)
    assert hit.coverage == bare.coverage, (hit, bare)


@pytest.mark.parametrize(
    ("said", "written", "meant"),
    [
        ("فيه أكل في الخيمة ب؟", "فيه طعام في الخيمة ب؟", "mess-tent"),
        ("الجزمة الميدانية شو هي", "الحذاء الميداني شو هو", "boots"),
    ],
)
def test_domain_word_said_another_way(
    client_for: Callable[..., TestClient],
    other_pack_path: Path,
    said: str,
    written: str,
    meant: str,
) -> None:
    search = searcher(client_for(other_pack_path), OTHER)
    [hit, *_] = search(said, EVENTS_AND_ALL)
    [bare, *_] = search(written, EVENTS_AND_ALL)
    assert hit.item_id == bare.item_id == meant, (hit, bare)
    assert hit.coverage == bare.coverage, (hit, bare)


@pytest.mark.parametrize(
    ("asked", "plain"),
    [
        ("how far away is Al-Jabal Range", "is Al-Jabal Range"),
        ("le champ de tir Al-Jabal est à quelle distance", "le champ de tir Al-Jabal est"),
        ("ميدان الجبل بعيد؟", "ميدان الجبل؟"),
        ("الجبل رینج کا فاصلہ", "الجبل رینج کا"),
    ],
)
def test_asking_how_far_counts_against_no_place(
    client_for: Callable[..., TestClient], asked: str, plain: str
) -> None:
    # How far a place is, its directions say ("12 km north of camp"): the words asking it name
    # nothing, and found in no text they left the place named under a plain answer's share.
    search = searcher(client_for(SAMPLE_PACK), "sand-heron-27")
    [hit, *_] = search(asked, EVENTS_AND_ALL)
    [bare, *_] = search(plain, EVENTS_AND_ALL)
    assert hit.item_id == bare.item_id == "al-jabal-range", (hit, bare)
    assert hit.coverage == bare.coverage, (hit, bare)


def test_major_written_in_arabic_letters_is_the_english_title(
    client_for: Callable[..., TestClient],
) -> None:
    # "ميجور" is how Arabic speakers write the English "Major" (as Urdu writes میجر): the grade
    # whose English title it is, not only the Valmère title it is spelt like (ماجور, OR-9).
    search = searcher(client_for(SAMPLE_PACK), "sand-heron-27")
    hits = search("شو يعني الميجور", ["rank"])
    assert "of-3" in {hit.item_id for hit in hits if hit.score == hits[0].score}, hits
