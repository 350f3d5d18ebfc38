"""Urdu's words that name nothing, counted against the event a question names (issue 20): the
past's auxiliaries (گیا، گئی، تھا), we and me, that, all and a polite sir in Urdu script, and in
Roman Urdu "par", one's own (apni), all (sab) and reaching one's place (pohanchna, jagah: what
an event's description tells, common/asking.py DETAIL_WORDS). With them a question about the
rehearsal or the opening was left under the share of the message a confident answer needs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.lookup.searching import EVENTS_AND_ALL, searcher
from tests.packs import SAMPLE_PACK

# Its tests only search: client_for makes each pack's service once (tests/lookup/conftest.py).
READ_ONLY = True

SAMPLE = "sand-heron-27"


@pytest.mark.parametrize(
    ("said", "plain", "meant"),
    [
        (
            "سر، ہمیں بتایا گیا تھا کہ افتتاحی تقریب صبح ہے",
            "افتتاحی تقریب صبح ہے",
            "opening-ceremony",
        ),
        (
            "افتتاحی تقریب کی ریہرسل کس دن رکھی گئی تھی",
            "افتتاحی تقریب کی ریہرسل کس دن",
            "ceremony-rehearsal",
        ),
        (
            "opening ceremony par sab ko apni jagah kab pohanchna hai",
            "opening ceremony kab",
            "opening-ceremony",
        ),
    ],
)
def test_urdu_auxiliaries_count_against_no_event(
    client_for: Callable[..., TestClient], said: str, plain: str, meant: str
) -> None:
    search = searcher(client_for(SAMPLE_PACK), SAMPLE)
    [hit, *_] = search(said, EVENTS_AND_ALL)
    [bare, *_] = search(plain, EVENTS_AND_ALL)
    assert hit.item_id == bare.item_id == meant, (hit, bare)
    assert hit.coverage >= 0.9, (hit, bare)
