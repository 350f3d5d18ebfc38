"""How soon visitors are told a person will answer: duty hours in the exercise's time zone."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from common.languages import LANGUAGES
from lookup.api import intake
from lookup.duty import DutyHours, estimate, visitor_message
from lookup.settings import Settings
from tests.console.conftest import open_handoff

DEFAULT = DutyHours.parse("07:00-22:00", "mon,tue,wed,thu,fri,sat,sun", 15)
RIYADH = "Asia/Riyadh"  # UTC+3, no daylight saving


def utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=timezone.utc)


def test_on_duty_a_reply_is_expected_within_the_configured_minutes() -> None:
    # 09:00 UTC is 12:00 in Riyadh, a Wednesday.
    reply = estimate(utc(2027, 6, 2, 9, 0), RIYADH, DEFAULT)
    assert reply.on_duty
    assert reply.expected_by.isoformat() == "2027-06-02T12:15:00+03:00"
    assert visitor_message("en", reply, DEFAULT) == (
        "A member of the liaison team will answer here within about 15 minutes.",
        "en",
    )
    assert visitor_message("fr", reply, DEFAULT)[0] == (
        "Un membre de l'équipe de liaison vous répondra ici dans environ 15 minutes."
    )
    assert "15 دقيقة" in visitor_message("ar", reply, DEFAULT)[0]


def test_the_time_zone_decides_whether_the_team_is_on_duty() -> None:
    # 20:30 UTC: 23:30 in Riyadh (off duty), 21:30 in Casablanca (UTC+1 then, on duty).
    at = utc(2027, 6, 2, 20, 30)
    assert not estimate(at, RIYADH, DEFAULT).on_duty
    assert estimate(at, "Africa/Casablanca", DEFAULT).on_duty


def test_after_hours_the_reply_comes_after_the_next_start_tomorrow() -> None:
    reply = estimate(utc(2027, 6, 2, 20, 30), RIYADH, DEFAULT)  # 23:30 local
    assert not reply.on_duty
    assert reply.back_at is not None and reply.back_at.isoformat() == "2027-06-03T07:00:00+03:00"
    assert reply.expected_by.isoformat() == "2027-06-03T07:15:00+03:00"
    assert visitor_message("en", reply, DEFAULT)[0] == (
        "The liaison team is off duty now; a member of the team will answer here "
        "after 07:00 tomorrow."
    )
    assert visitor_message("fr", reply, DEFAULT)[0].endswith("après 07h00 demain.")
    assert visitor_message("ar", reply, DEFAULT)[0].endswith("بعد الساعة 07:00 غدًا.")


def test_before_opening_the_reply_comes_today_and_days_off_are_skipped() -> None:
    early = estimate(utc(2027, 6, 2, 2, 0), RIYADH, DEFAULT)  # 05:00 local
    assert visitor_message("en", early, DEFAULT)[0].endswith("after 07:00 today.")
    weekdays = DutyHours.parse("08:00-12:00,13:00-17:00", "sun,mon,tue,wed,thu", 30)
    lunch = estimate(utc(2027, 6, 2, 9, 30), RIYADH, weekdays)  # Wednesday 12:30 local
    assert visitor_message("en", lunch, weekdays)[0].endswith("after 13:00 today.")
    # Thursday 18:00 local: Friday and Saturday are off, Sunday 08:00 is next.
    weekend = estimate(utc(2027, 6, 3, 15, 0), RIYADH, weekdays)
    assert weekend.expected_by.isoformat() == "2027-06-06T08:30:00+03:00"
    assert visitor_message("en", weekend, weekdays)[0].endswith("after 08:00 on Sunday.")
    assert visitor_message("fr", weekend, weekdays)[0].endswith("après 08h00 dimanche.")
    assert visitor_message("ar", weekend, weekdays)[0].endswith("يوم الأحد.")


def test_a_language_without_sentences_gets_english_and_says_so() -> None:
    reply = estimate(utc(2027, 6, 2, 9, 0), RIYADH, DEFAULT)
    assert visitor_message("sw", reply, DEFAULT)[1] == "en"  # Swahili: no catalog


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_exercise_language_has_its_own_sentences(lang: str) -> None:
    reply = estimate(utc(2027, 6, 2, 9, 0), RIYADH, DEFAULT)
    assert visitor_message(lang, reply, DEFAULT)[1] == lang


def test_arabic_counts_minutes_with_the_plural_from_3_to_10() -> None:
    ten = DutyHours.parse("00:00-24:00", "mon,tue,wed,thu,fri,sat,sun", 10)
    reply = estimate(utc(2027, 6, 2, 9, 0), RIYADH, ten)
    assert "10 دقائق" in visitor_message("ar", reply, ten)[0]


def test_duty_settings_are_validated() -> None:
    with pytest.raises(ValidationError):
        Settings(duty_hours="7-22")
    with pytest.raises(ValidationError):
        Settings(duty_days="weekdays")
    assert Settings(duty_hours="07:00-12:00, 14:00-24:00").duty_hours


def test_the_handoff_route_tells_an_off_duty_visitor_when(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The test pack's exercise is in Africa/Casablanca: 23:30 UTC is 00:30 local, off duty.
    monkeypatch.setattr(intake, "now", lambda: utc(2027, 6, 2, 23, 30))
    body = open_handoff(sqlite_client, language="en")
    assert body["on_duty"] is False
    assert body["reply_expected_by"] == "2027-06-03T07:15:00+01:00"
    assert body["message"].endswith("after 07:00 today.")
