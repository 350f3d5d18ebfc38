"""What a briefing says, read from the store (on SQLite and on PostgreSQL): every section's
facts with their dates, only the host's and the audience's ranks, missing translations listed
and never filled from another language, clear errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from lookup.briefing.build import build
from lookup.briefing.errors import LanguageNotAvailable, UnknownAudience, UnknownExercise
from lookup.briefing.facts import gather
from lookup.briefing.labels import labels_for
from lookup.packs.schema import AddressForm
from tests.briefing.conftest import briefing_pack
from tests.packs import SAMPLE_PACK, read_pack, write_pack

SAMPLE = read_pack(SAMPLE_PACK)


def _newest(*items: dict[str, Any]) -> datetime:
    return max(datetime.fromisoformat(str(item["last_updated"])) for item in items)


def test_sections_carry_the_date_of_their_newest_fact(
    session_for: Callable[..., Session], database_url: str
) -> None:
    session = session_for(database_url, SAMPLE_PACK)
    host = next(n["code"] for n in SAMPLE["exercise"]["nations"] if n["role"] == "host")
    audience = next(n["code"] for n in SAMPLE["exercise"]["nations"] if n["role"] == "partner")
    facts = gather(session, audience=audience, lang="en")

    assert facts.missing == []
    assert facts.updated["phrases"] == _newest(*SAMPLE["phrases"])
    assert facts.updated["contacts"] == _newest(
        *SAMPLE["contacts"], *[t for t in SAMPLE["topics"] if t["topic"] == "emergency_contacts"]
    )
    assert facts.knowledge_as_of == max(stamp for stamp in facts.updated.values() if stamp)
    # The rank table holds the host's and the audience's titles, every grade either has.
    for row in facts.ranks:
        rank = next(r for r in SAMPLE["ranks"] if r["code"] == row.code)
        assert row.host == [t["en"] for t in rank["titles"].get(host, [])]
        assert row.audience == [t["en"] for t in rank["titles"].get(audience, [])]
    assert [n.code for n, _ in facts.forms_of_address] == [host, audience]
    assert all(
        isinstance(f.item, AddressForm) and f.item.nation == n.code
        for n, forms in facts.forms_of_address
        for f in forms
    )
    assert [n.code for n in facts.flag_order] == SAMPLE["exercise"]["flag_order"]
    assert all(day.weekday() == 4 for day in facts.fridays) and facts.fridays


def test_a_missing_translation_is_listed_and_never_replaced(
    session_for: Callable[..., Session], database_url: str, tmp_path: Path
) -> None:
    pack = briefing_pack()
    english = pack["topics"][0]["text"]["en"]
    del pack["topics"][0]["text"]["ar"]
    del pack["guidelines"][1]["reason"]["ar"]
    session = session_for(database_url, write_pack(tmp_path / "partial.yml", pack))
    audience = next(n["code"] for n in pack["exercise"]["nations"] if n["role"] == "partner")

    facts = gather(session, audience=audience, lang="ar")
    assert {(m.kind, m.id, m.path) for m in facts.missing} == {
        ("topic", pack["topics"][0]["id"], "text"),
        ("guideline", pack["guidelines"][1]["id"], "reason"),
    }
    html = build(session, audience=audience, lang="ar").content.decode()
    front = html[: html.index('<section id="glance">')]
    labels = labels_for("ar")
    assert labels["missing_title"] in front
    assert f"topic {pack['topics'][0]['id']}: text" in front
    assert english not in html  # not filled in from English
    assert html.count(labels["missing_marker"]) >= 3  # the intro, and where each text would be
    # In a complete language the front matter says so.
    html_en = build(session, audience=audience, lang="en").content.decode()
    assert labels_for("en")["missing_none"].format(language="English") in html_en


def test_an_edit_in_the_store_shows_in_the_next_build(
    session_for: Callable[..., Session], sample_url: str
) -> None:
    from lookup.packs.schema import Guideline
    from lookup.store.items import get_row, parse, write_item
    from lookup.store.models import Exercise

    session = session_for(sample_url)
    row = get_row(session, SAMPLE["exercise"]["id"], "guideline", SAMPLE["guidelines"][0]["id"])
    assert row is not None
    changed = parse(row).model_copy(deep=True)
    assert isinstance(changed, Guideline)
    changed.text.root["fr"] = "Saluer le drapeau du puits tous les matins."
    exercise = session.get(Exercise, SAMPLE["exercise"]["id"])
    assert exercise is not None
    write_item(session, exercise, "guideline", changed, actor="test", action="update")
    session.commit()
    audience = next(n["code"] for n in SAMPLE["exercise"]["nations"] if n["role"] == "partner")
    html = build(session, audience=audience, lang="fr", kind="card").content.decode()
    assert "Saluer le drapeau du puits tous les matins." in html


def test_errors_say_what_would_work(session_for: Callable[..., Session], sample_url: str) -> None:
    session = session_for(sample_url)
    partners = [n["code"] for n in SAMPLE["exercise"]["nations"] if n["role"] == "partner"]
    host = next(n["code"] for n in SAMPLE["exercise"]["nations"] if n["role"] == "host")
    with pytest.raises(UnknownAudience) as unknown:
        gather(session, audience="zzz", lang="en")
    assert all(code in str(unknown.value) for code in partners)
    with pytest.raises(UnknownAudience, match="host nation"):
        gather(session, audience=host, lang="en")
    with pytest.raises(LanguageNotAvailable, match="ar, en, fr"):
        gather(session, audience=partners[0], lang="de")
    with pytest.raises(UnknownExercise, match=SAMPLE["exercise"]["id"]):
        gather(session, audience=partners[0], lang="en", exercise_id="nope")


def test_no_exercise_loaded(session_for: Callable[..., Session], sqlite_url: str) -> None:
    with pytest.raises(UnknownExercise, match="import-pack"):
        gather(session_for(sqlite_url), audience="nmk", lang="en")
