"""Words that name nothing, written as one chats, counted against the item a question names
(issue 20): English's "pls", "plz", "thx", and spoken Arabic's "من كم لكم" (from what time to
what time: لكم is ل + كم, as بكم is ب + كم). Each left the item asked about under the share of
the message a confident answer needs, and the visitor got "I don't have that information"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.lookup.searching import EVENTS_AND_ALL, searcher

OTHER = "test-oasis-99"


@pytest.mark.parametrize(
    ("said", "plain", "meant"),
    [
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
def test_chat_fillers_count_against_no_item(
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
