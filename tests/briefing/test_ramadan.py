"""Ramadan conduct appears only when the exercise's dates overlap Ramadan: computed from the
Umm al-Qura calendar unless the pack gives the dates as announced, and the source is stated."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from hijridate import Hijri
from sqlalchemy.orm import Session

from lookup.briefing.build import build
from lookup.briefing.labels import labels_for
from lookup.briefing.ramadan import ramadan_for
from lookup.packs.schema import RamadanDates, Translations
from tests.briefing.conftest import briefing_pack
from tests.packs import SAMPLE_PACK, read_pack, write_pack

SAMPLE = read_pack(SAMPLE_PACK)


def _ramadan(year: int) -> tuple[date, date]:
    first = Hijri(year, 9, 1).to_gregorian()
    after = Hijri(year, 10, 1).to_gregorian()
    return date(first.year, first.month, first.day), date.fromordinal(
        date(after.year, after.month, after.day).toordinal() - 1
    )


def test_computed_from_the_umm_al_qura_calendar() -> None:
    start, end = _ramadan(1448)
    inside = ramadan_for(date.fromordinal(start.toordinal() + 3), end)
    assert inside is not None and inside.overlaps and inside.hijri_year == 1448
    assert (inside.start, inside.end, inside.source) == (start, end, "umm_al_qura")
    before = ramadan_for(date(start.year, 1, 2), date(start.year, 1, 10))
    assert before is not None and not before.overlaps and before.start == start
    # The day before it starts and the day after it ends are outside it.
    assert not ramadan_for(
        date.fromordinal(start.toordinal() - 3), date.fromordinal(start.toordinal() - 1)
    ).overlaps  # type: ignore[union-attr]
    assert ramadan_for(end, date.fromordinal(end.toordinal() + 5)).overlaps  # type: ignore[union-attr]


def test_announced_dates_win_and_out_of_range_is_unknown() -> None:
    announced = RamadanDates(
        start_date=date(2027, 2, 9),
        end_date=date(2027, 3, 10),
        source=Translations({"en": "Ministry of Religious Affairs"}),
    )
    result = ramadan_for(date(2027, 3, 10), date(2027, 3, 12), announced)
    assert result is not None and result.overlaps and result.source == "announced"
    assert ramadan_for(date(2100, 1, 1), date(2100, 1, 5)) is None


def test_sample_does_not_overlap_so_no_ramadan_conduct(
    session_for: Callable[..., Session], sample_url: str
) -> None:
    session = session_for(sample_url)
    html = build(session, audience="nmk", lang="en").content.decode()
    conduct = next(t for t in SAMPLE["topics"] if t["topic"] == "ramadan")["text"]["en"]
    assert conduct not in html
    start = SAMPLE["exercise"]["start_date"]
    ramadan = ramadan_for(start, SAMPLE["exercise"]["end_date"])
    assert ramadan is not None and not ramadan.overlaps
    assert labels_for("en")["ramadan_computed"] in html


def test_an_exercise_in_ramadan_gets_the_conduct(
    session_for: Callable[..., Session], sqlite_url: str, tmp_path: Path
) -> None:
    start, _ = _ramadan(1448)
    pack = briefing_pack()
    pack["exercise"].update(
        start_date=start.isoformat(), end_date=date.fromordinal(start.toordinal() + 4).isoformat()
    )
    for event in pack["events"]:  # Morocco is at +00:00 during Ramadan (+01:00 otherwise)
        event["start"] = f"{start.isoformat()}T07:00:00+00:00"
        event["end"] = f"{start.isoformat()}T07:30:00+00:00"
    conduct = "Do not eat or drink in public during fasting hours (test)."
    pack["topics"].append(
        {
            "id": "fasting",
            "topic": "ramadan",
            "last_updated": "2026-05-02T08:15:00+02:00",
            "updated_by": "Lt. A. Test",
            "title": {"en": "Ramadan", "fr": "Ramadan", "ar": "رمضان"},
            "text": {"en": conduct, "fr": f"{conduct} (fr)", "ar": f"{conduct} (ar)"},
        }
    )
    session = session_for(sqlite_url, write_pack(tmp_path / "in-ramadan.yml", pack))
    html = build(session, audience="gst", lang="en").content.decode()
    assert conduct in html
    assert labels_for("en")["ramadan_overlap"].split("{")[0] in html
