"""Packs cannot be silently wrong (issue 20): each mistake a liaison team can make in a pack is
refused with the file, line, item and field, on a pack built here with that one mistake."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from lookup.packs.loader import PackError, check_document, load_pack, read_yaml
from tests.packs import other_pack, ramadan_pack, write_pack


def problems_of(path: Path) -> list[str]:
    with pytest.raises(PackError) as raised:
        load_pack(path)
    return raised.value.problems


def line_of(path: Path, needle: str, after: str = "") -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if after in line) if after else 0
    return next(n for n, line in enumerate(lines[start:], start + 1) if needle in line)


def dubai_pack() -> dict[str, Any]:
    """The second test pack moved to Asia/Dubai (+04:00 all year)."""
    pack = other_pack()
    pack["exercise"]["time_zone"] = "Asia/Dubai"
    for field in ("start", "end"):
        pack["events"][0][field] = pack["events"][0][field].replace("+01:00", "+04:00")
    return pack


def test_the_test_packs_load() -> None:
    assert check_document(other_pack()) == []
    assert check_document(dubai_pack()) == []
    assert check_document(ramadan_pack()) == []


def test_an_offset_the_time_zone_does_not_have_is_refused(tmp_path: Path) -> None:
    pack = dubai_pack()
    pack["events"][0]["start"] = "2027-06-02T06:00:00+03:00"  # copied from a Riyadh pack
    path = write_pack(tmp_path / "pack.yml", pack)
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:{line_of(path, 'start:', after='id: raising')}: ")
    assert "events[0] (id raising): start: written with UTC offset +03:00" in problem
    assert "Asia/Dubai (exercise.time_zone) is at +04:00" in problem
    assert "shown as 07:00 local, not 06:00" in problem
    assert "Write 2027-06-02T06:00+04:00" in problem


def test_utc_is_accepted_as_unambiguous(tmp_path: Path) -> None:
    pack = dubai_pack()
    pack["events"][0]["start"] = "2027-06-02T03:00:00Z"
    assert load_pack(write_pack(tmp_path / "pack.yml", pack)).warnings == []


@pytest.mark.parametrize(
    ("field", "value", "day"),
    [
        ("start", "2027-05-31T23:00:00+01:00", "2027-05-31"),
        ("end", "2027-06-04T00:30:00+01:00", "2027-06-04"),
    ],
)
def test_event_times_outside_the_exercise_are_refused(
    tmp_path: Path, field: str, value: str, day: str
) -> None:
    pack = other_pack()
    pack["events"][0][field] = value
    if field == "start":
        pack["events"][0]["end"] = "2027-06-01T00:30:00+01:00"
    [problem] = problems_of(write_pack(tmp_path / "pack.yml", pack))
    assert f"events[0] (id raising): {field}: {day} is outside the exercise dates" in problem
    assert "(2027-06-01 to 2027-06-03)" in problem


def test_an_event_ending_at_midnight_after_the_last_day_is_within(tmp_path: Path) -> None:
    pack = other_pack()
    pack["events"][0]["start"] = "2027-06-03T22:00:00+01:00"
    pack["events"][0]["end"] = "2027-06-04T00:00:00+01:00"
    assert load_pack(write_pack(tmp_path / "pack.yml", pack)).warnings == []


def test_duplicate_phase_nation_and_language_ids_are_refused(tmp_path: Path) -> None:
    pack = other_pack()
    phase = {
        "id": "arrival",
        "name": {"en": "Arrival", "fr": "Arrivée", "ar": "الوصول"},
        "start_date": "2027-06-01",
        "end_date": "2027-06-01",
        "description": {"en": "Arrival.", "fr": "Arrivée.", "ar": "الوصول."},
    }
    pack["exercise"]["phases"] = [phase, dict(phase)]
    pack["exercise"]["nations"].append(dict(pack["exercise"]["nations"][1]))
    pack["exercise"]["languages"].append("en")
    pack["contacts"][0]["languages"] = ["fr", "fr"]
    problems = "\n".join(problems_of(write_pack(tmp_path / "pack.yml", pack)))
    assert "exercise: phases.1.id: duplicate id 'arrival'" in problems
    assert "exercise: nations.2.code: duplicate code 'gst'" in problems
    assert "exercise: languages.3: 'en' is listed twice" in problems
    assert "contacts[0] (id desk): languages.1: 'fr' is listed twice" in problems


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("18:00-09:00", "'18:00-09:00' closes before it opens; if it ends after midnight write "),
        ("08:00-25:00", "'08:00-25:00' runs past 24:00"),
        ("08:00-24:30", "'08:00-24:30' runs past 24:00"),
        ("24:00-24:00", "'24:00-24:00' runs past 24:00"),
        ("08:00-08:00", "'08:00-08:00' closes before it opens"),
        ("08:00-10:00+1", "'08:00-10:00+1' ends the next day (+1) yet closes after it opens"),
    ],
)
def test_opening_hours_backwards_or_past_midnight_are_refused(
    tmp_path: Path, hours: str, message: str
) -> None:
    pack = other_pack()
    pack["venues"][0]["hours"]["weekly"]["fri"] = hours
    path = write_pack(tmp_path / "pack.yml", pack)
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:{line_of(path, 'fri:', after='id: well-square')}: ")
    assert "venues[0] (id well-square): hours.weekly.fri: " in problem
    assert message in problem


@pytest.mark.parametrize("hours", ["22:00-02:00+1", "00:00-24:00", "07:00-24:00", "closed"])
def test_overnight_and_whole_day_hours_are_accepted(tmp_path: Path, hours: str) -> None:
    pack = other_pack()
    pack["venues"][0]["hours"]["ramadan"] = {"fri": hours}
    assert load_pack(write_pack(tmp_path / "pack.yml", pack)).warnings == []


def test_a_nation_with_no_rank_title_is_refused(tmp_path: Path) -> None:
    pack = other_pack()
    pack["ranks"][0]["titles"]["gst"] = []
    path = write_pack(tmp_path / "pack.yml", pack)
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:{line_of(path, 'gst: []', after='id: of-2')}: ")
    assert "ranks[0] (id of-2): titles.gst: no title given" in problem


def ramadan(start: str, end: str) -> dict[str, Any]:
    pack = ramadan_pack()
    pack["exercise"]["ramadan"] = {"start_date": start, "end_date": end}
    return pack


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2027-02-08", "2027-03-09"),  # Umm al-Qura's Ramadan 1448
        ("2027-02-09", "2027-03-10"),  # a day later after the sighting
        ("2027-02-06", "2027-03-07"),  # two days earlier
    ],
)
def test_ramadan_within_two_days_of_umm_al_qura_is_accepted(
    tmp_path: Path, start: str, end: str
) -> None:
    assert load_pack(write_pack(tmp_path / "pack.yml", ramadan(start, end))).warnings == []


def test_ramadan_of_an_earlier_year_is_refused(tmp_path: Path) -> None:
    # Ramadan 1447 (2026), a real one, copied into a pack for February 2027.
    path = write_pack(tmp_path / "pack.yml", ramadan("2026-02-18", "2026-03-19"))
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:{line_of(path, 'end_date:', after='ramadan:')}: ")
    assert "exercise: ramadan.end_date: this Ramadan ended before the exercise begins" in problem


def test_ramadan_dates_that_are_not_ramadan_are_refused(tmp_path: Path) -> None:
    path = write_pack(tmp_path / "pack.yml", ramadan("2027-01-10", "2027-02-08"))
    problems = "\n".join(problems_of(path))
    assert (
        "exercise: ramadan.start_date: 2027-01-10 is not the first day of Ramadan: in 1448 AH "
        "the Umm al-Qura calendar gives 2027-02-08 (up to 2 days either way is accepted"
    ) in problems
    assert "ramadan.end_date: 2027-02-08 is not the last day of Ramadan" in problems


def test_yaml_keeps_what_was_written_as_text() -> None:
    document = read_yaml(
        "a: 22:30\nb: no\nc: on\nd: yes\ne: 0501234567\nf: 1.5\ng: 1\nh: 2027-01-02\n"
        "i: +966501234567\nj: ~\nno: Norway\n"
    )
    assert document == {
        "a": "22:30",  # YAML 1.1: 81030 (sexagesimal)
        "b": "no",  # False
        "c": "on",  # True
        "d": "yes",  # True
        "e": "0501234567",  # an octal integer
        "f": "1.5",
        "g": 1,
        "h": date(2027, 1, 2),
        "i": "+966501234567",
        "j": None,
        "no": "Norway",  # the key False
    }


def yaml_text(pack: dict[str, Any]) -> str:
    return yaml.safe_dump(pack, allow_unicode=True, sort_keys=False)


def test_norway_and_a_phone_with_a_leading_zero_load_as_written(tmp_path: Path) -> None:
    pack = other_pack()
    pack["exercise"]["nations"][1]["code"] = "zzq"
    pack["exercise"]["flag_order"] = ["hst", "zzq"]
    pack["ranks"][0]["titles"]["zzq"] = pack["ranks"][0]["titles"].pop("gst")
    text = yaml_text(pack).replace("zzq", "no").replace("+000 555 7000", "0501234567")
    assert "    no:\n" in text and "phone: 0501234567\n" in text  # unquoted, as people write
    path = tmp_path / "pack.yml"
    path.write_text(text, encoding="utf-8")
    loaded = load_pack(path).pack
    assert [nation.code for nation in loaded.exercise.nations] == ["hst", "no"]
    assert list(loaded.ranks[0].titles) == ["hst", "no"]
    assert loaded.contacts[0].phone == "0501234567"


def test_a_phone_read_as_a_number_is_refused_saying_to_quote_it(tmp_path: Path) -> None:
    text = yaml_text(other_pack()).replace("+000 555 7000", "966501234567")
    path = tmp_path / "pack.yml"
    path.write_text(text, encoding="utf-8")
    [problem] = problems_of(path)
    assert problem == (
        f"{path}:{line_of(path, 'phone:')}: contacts[0] (id desk): phone: YAML read "
        "966501234567 as a number, not text (a leading 0 or + would be lost): put it in quotes, "
        'e.g. "966501234567"'
    )


def test_a_boolean_where_text_belongs_is_refused_saying_to_quote_it() -> None:
    pack = other_pack()
    pack["contacts"][0]["radio"] = False  # an admin write in JSON, or YAML 1.1's `radio: off`
    [problem] = check_document(pack)
    assert problem == (
        "contacts[0] (id desk): radio: YAML read this as true/false (as it reads yes, no, on, "
        "off): put it in quotes"
    )


def test_a_key_given_twice_is_refused_with_its_line(tmp_path: Path) -> None:
    text = yaml_text(other_pack()).replace(
        "  phone: +000 555 7000\n", "  phone: +000 555 7000\n  phone: +000 555 7001\n"
    )
    path = tmp_path / "pack.yml"
    path.write_text(text, encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:{line_of(path, 'phone:') + 1}: not valid YAML")
    assert "'phone' is given twice here: keep one" in problem
