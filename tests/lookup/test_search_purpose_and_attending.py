"""Words asking what goes on at a place or what it is for, and who attends an event (issue 20,
eighteenth reading, by kind), counted against the item named: spoken Arabic's present with a
"b" (بيصير), Darija's (كيديرو), "for what" and "set aside for" (لشو, مخصصة), its "what" (شنو),
"and what" (وما) and "from it" (منها); attending, taking part (attend, participe, يحضر,
شرکت کرتا). "شو بيصير في ساحة البئر؟ لشو مخصصة؟" left the place under the share a confident
answer needs, and the fallback said it had no such information."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.lookup.searching import EVENTS_AND_ALL, assert_counts_against_nothing, searcher
from tests.packs import SAMPLE_PACK

# Its tests only search: client_for makes each pack's service once (tests/lookup/conftest.py).
READ_ONLY = True

OTHER = "test-oasis-99"


@pytest.mark.parametrize(
    ("said", "plain", "meant"),
    [
        ("ساحة البئر شو بيصير فيها؟ لشو مخصصة؟", "ساحة البئر", "well-square"),
        ("شنو كيديرو في ساحة البئر", "ساحة البئر", "well-square"),
        ("ماذا يجري في ساحة البئر؟ وما الغرض منها؟", "ساحة البئر", "well-square"),
        ("who is meant to attend the flag raising", "the flag raising", "raising"),
        ("qui participe au lever des couleurs", "lever des couleurs", "raising"),
        ("مين يحضر رفع العلم", "رفع العلم", "raising"),
    ],
)
def test_purpose_and_attending_words_count_against_no_item(
    client_for: Callable[..., TestClient],
    other_pack_path: Path,
    said: str,
    plain: str,
    meant: str,
) -> None:
    assert_counts_against_nothing(searcher(client_for(other_pack_path), OTHER), said, plain, meant)


def test_urdu_who_takes_part_finds_the_briefing_whole(
    client_for: Callable[..., TestClient],
) -> None:
    search = searcher(client_for(SAMPLE_PACK), "sand-heron-27")
    [hit, *_] = search("روزانہ کمانڈ بریفنگ میں کون شرکت کرتا ہے", EVENTS_AND_ALL)
    [bare, *_] = search("روزانہ کمانڈ بریفنگ", EVENTS_AND_ALL)
    assert hit.item_id == bare.item_id == "command-briefing", (hit, bare)
    assert hit.coverage == bare.coverage, (hit, bare)
