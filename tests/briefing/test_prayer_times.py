"""The briefing's prayer-time table (issue 20): one row per day of the exercise, in the reader's
language, Friday prayer on the Fridays, and no table when the pack gives no prayer_times."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from markupsafe import escape
from sqlalchemy.orm import Session

from lookup.briefing.build import build
from lookup.briefing.labels import labels_for
from lookup.packs.schema import PrayerTimesSpec
from lookup.prayer_times import PRAYERS, day_times
from tests.briefing.conftest import briefing_pack
from tests.packs import SAMPLE_PACK, read_pack, write_pack

SAMPLE = read_pack(SAMPLE_PACK)["exercise"]


def table_of(html: str) -> str:
    found = re.search(r'<table class="prayer-times" id="prayer-times">(.*?)</table>', html, re.S)
    assert found, "the briefing has a prayer-time table"
    return found.group(1)


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_every_day_of_the_exercise_in_the_readers_language(
    session_for: Callable[..., Session], sample_url: str, lang: str
) -> None:
    html = build(session_for(sample_url), audience="nmk", lang=lang).content.decode()
    table = table_of(html)
    labels = labels_for(lang)
    assert labels["prayer_table"] in table
    assert all(f"<th>{labels[name]}</th>" in table for name in PRAYERS)
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]  # the header row first
    start, end = SAMPLE["start_date"], SAMPLE["end_date"]
    assert len(rows) == (end - start).days + 1
    spec = PrayerTimesSpec.model_validate(SAMPLE["prayer_times"])
    for n, row in enumerate(rows):
        expected = day_times(spec, start + timedelta(days=n), SAMPLE["time_zone"])
        shown = re.findall(r'<bdi dir="ltr" class="ltr">(\d\d:\d\d)</bdi>', row)
        assert shown == [expected.times[name].strftime("%H:%M") for name in PRAYERS]
    fridays = [row for row in rows if labels["friday_prayer"].split("{")[0].strip() in row]
    assert len(fridays) == 1 and SAMPLE["prayer_times"]["friday_prayer"] in fridays[0]
    assert str(escape(labels["prayer_calculated"])) in html


def test_friday_without_the_packs_time_says_dhuhr(
    session_for: Callable[..., Session], sqlite_url: str, tmp_path: Path
) -> None:
    pack = briefing_pack()
    pack["exercise"]["prayer_times"] = {"latitude": 31.6, "longitude": -8.0, "method": "egyptian"}
    end = date.fromisoformat(str(pack["exercise"]["end_date"])) + timedelta(days=7)
    pack["exercise"]["end_date"] = end.isoformat()  # a week longer: it holds a Friday
    path = write_pack(tmp_path / "pack.yml", pack)
    html = build(session_for(sqlite_url, path), audience="gst", lang="en").content.decode()
    table = table_of(html)
    start = date.fromisoformat(str(pack["exercise"]["start_date"]))
    has_friday = any(
        (start + timedelta(days=n)).weekday() == 4 for n in range((end - start).days + 1)
    )
    assert (str(escape(labels_for("en")["friday_at_dhuhr"])) in table) is has_friday
    assert has_friday, "the test pack's dates hold a Friday"


def test_no_table_without_prayer_times(
    session_for: Callable[..., Session], sqlite_url: str, tmp_path: Path
) -> None:
    path = write_pack(tmp_path / "pack.yml", briefing_pack())
    html = build(session_for(sqlite_url, path), audience="gst", lang="en").content.decode()
    assert 'id="prayer-times"' not in html
