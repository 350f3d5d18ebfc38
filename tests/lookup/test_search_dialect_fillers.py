"""Words that name nothing, found in no text, counted against the item a question names (issue
20): spoken Arabic's "when" (امتى, ايمتى, وقتاش, فوقاش) and "or" (ولا), the article an Arabizi
"el" is written as when it stands apart from an English name ("ال field kitchen"), and the
tails of English contractions ("I've", "we'll", "you're"); and words one chats with: English's
"pls", "plz", "thx", and spoken Arabic's "من كم لكم" (from what time to what time: لكم is ل + كم,
as بكم is ب + كم). Each left the item it asked about under the share of the message a confident
answer needs, and the visitor got "I don't have that information". And a word of the domain said
another way: Arabic أكل for the food a text calls طعام, جزمة for a حذاء (a boot, a shoe)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.lookup.searching import assert_counts_against_nothing, searcher
from tests.packs import SAMPLE_PACK

# Its tests only search: client_for makes each pack's service once (tests/lookup/conftest.py).
READ_ONLY = True

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
        (
            "when does the field kitchen open pls",
            "when does the field kitchen open",
            "field-kitchen",
        ),
        ("plz where is Well Square", "where is Well Square", "well-square"),
        ("flag raising time thx", "flag raising time", "raising"),
        ("ساحة البئر مفتوحة من كم لكم", "ساحة البئر مفتوحة من كم", "well-square"),
        ("رفع العلم بكم الساعة", "رفع العلم الساعة", "raising"),
    ],
)
def test_filler_counts_against_no_item(
    client_for: Callable[..., TestClient],
    other_pack_path: Path,
    said: str,
    plain: str,
    meant: str,
) -> None:
    assert_counts_against_nothing(searcher(client_for(other_pack_path), OTHER), said, plain, meant)


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
    assert_counts_against_nothing(search, said, written, meant)


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
    assert_counts_against_nothing(search, asked, plain, "al-jabal-range")


def test_major_written_in_arabic_letters_is_the_english_title(
    client_for: Callable[..., TestClient],
) -> None:
    # "ميجور" is how Arabic speakers write the English "Major" (as Urdu writes میجر): the grade
    # whose English title it is, not only the Valmère title it is spelt like (ماجور, OR-9).
    search = searcher(client_for(SAMPLE_PACK), "sand-heron-27")
    hits = search("شو يعني الميجور", ["rank"])
    assert "of-3" in {hit.item_id for hit in hits if hit.score == hits[0].score}, hits
