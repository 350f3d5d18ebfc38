"""Briefings and smart cards in a public edition (the default) and a participants' edition
(issue 19): the public one never holds the participants' facts (meal times, venues)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lookup.briefing.build import build
from lookup.briefing.errors import BriefingError
from lookup.packs.importer import import_pack
from lookup.packs.loader import load_pack
from lookup.store.database import make_engine, make_session_factory
from tests.packs import SAMPLE_PACK, read_pack

SAMPLE = read_pack(SAMPLE_PACK)
MEALS = next(t for t in SAMPLE["topics"] if t["topic"] == "meals")["text"]["en"]
CONTACT = SAMPLE["contacts"][0]["email"]  # contacts are for participants


def html(tmp_path: Path, kind: str, edition: str) -> str:
    engine = make_engine(f"sqlite:///{tmp_path / 'b.db'}")
    factory = make_session_factory(engine)
    import_pack(factory, load_pack(SAMPLE_PACK).pack)
    try:
        with factory() as session:
            output = build(session, audience="nmk", lang="en", kind=kind, edition=edition)
            return output.content.decode() if isinstance(output.content, bytes) else output.content
    finally:
        engine.dispose()


@pytest.mark.parametrize("kind", ["briefing", "card"])
def test_the_public_edition_leaves_participants_facts_out(tmp_path: Path, kind: str) -> None:
    public = html(tmp_path, kind, "public")
    assert "2222" in public  # the emergency number is public
    assert MEALS[:40] not in public and CONTACT not in public


def test_the_participants_edition_has_them(tmp_path: Path) -> None:
    page = html(tmp_path, "briefing", "participants")
    assert MEALS[:40] in page and CONTACT in page


def test_no_other_edition(tmp_path: Path) -> None:
    with pytest.raises(BriefingError):
        html(tmp_path, "briefing", "staff")
