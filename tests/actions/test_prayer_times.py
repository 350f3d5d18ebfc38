"""Prayer-time questions (issue 20): the action reads which prayer and which day (in the
exercise's time zone), asks the service for that local day (`at=`) and answers in the visitor's
language; questions about the rooms still get the topic's text."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from actions.answer_topic import ActionAnswerTopic
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import SAMPLE_PACK, read_pack, topic_text


def sample_pack() -> dict[str, Any]:
    """The sample pack as JSON would carry it (YAML reads its dates as date objects)."""
    return json.loads(json.dumps(read_pack(SAMPLE_PACK), default=lambda value: value.isoformat()))


PACK = sample_pack()
TODAY = date(2027, 1, 21)  # a Thursday of the exercise


def prayer_days(friday_from_pack: bool = True) -> list[dict[str, Any]]:
    """What the service answers (its calculation is tested in tests/lookup): a minute later
    each day, so each day's answer is told apart."""
    days = []
    for n in range(12):
        day = date(2027, 1, 17) + timedelta(days=n)
        times = {
            "fajr": f"05:{10 + n:02d}",
            "sunrise": f"06:{30 + n:02d}",
            "dhuhr": f"12:{n:02d}",
            "asr": f"15:{n:02d}",
            "maghrib": f"17:{20 + n:02d}",
            "isha": f"18:{50 + n:02d}",
        }
        friday = day.weekday() == 4
        days.append(
            {
                "date": day.isoformat(),
                "times": times,
                "friday_prayer": ("12:15" if friday_from_pack else times["dhuhr"])
                if friday
                else None,
                "friday_from_pack": friday and friday_from_pack,
            }
        )
    return days


def ask(text: str, lang: str, fake: FakeLookup | None = None) -> tuple[list[str], FakeLookup]:
    if fake is None:
        fake = FakeLookup(PACK)
        fake.prayer_days = prayer_days()
    dispatcher = run(
        ActionAnswerTopic,
        fake.handle,
        action_kwargs={"today": TODAY},
        intent="ask_prayer_facilities",
        language=lang,
        text=text,
    )
    return [m["text"] for m in dispatcher.messages], fake


def asked_days(fake: FakeLookup) -> list[str]:
    return [r.url.params["at"] for r in fake.requests if r.url.path == "/v1/prayer-times"]


@pytest.mark.parametrize(
    ("lang", "text", "answer"),
    [
        ("en", "when is maghrib today?", "Maghrib at the camp on Thursday 21 January: 17:24."),
        (
            "fr",
            "c'est quand le maghrib aujourd'hui ?",
            "Maghrib au camp, jeudi 21 janvier : 17:24.",
        ),
        ("ar", "متى صلاة المغرب اليوم؟", "وقت المغرب في المعسكر يوم الخميس 21 يناير: 17:24."),
        ("ur", "آج مغرب کب ہے", "کیمپ میں جمعرات 21 جنوری کو مغرب کا وقت: 17:24۔"),
    ],
)
def test_one_prayer_today(lang: str, text: str, answer: str) -> None:
    texts, fake = ask(text, lang)
    assert asked_days(fake) == ["2027-01-21"]
    assert texts[0] == answer
    assert len(texts) == 2  # and that the times are calculated
    assert "/v1/topics/prayer_facilities" not in [r.url.path for r in fake.requests]


@pytest.mark.parametrize(
    ("lang", "text", "first_line", "isha"),
    [
        ("en", "prayer times tomorrow", "Prayer times at the camp on Friday 22 January:", "Isha"),
        (
            "fr",
            "horaires de prière demain",
            "Horaires de prière au camp, vendredi 22 janvier :",
            "Icha",
        ),
        ("ar", "مواقيت الصلاة بكرة", "مواقيت الصلاة في المعسكر يوم الجمعة 22 يناير:", "العشاء"),
    ],
)
def test_every_prayer_tomorrow(lang: str, text: str, first_line: str, isha: str) -> None:
    texts, fake = ask(text, lang)
    assert asked_days(fake) == ["2027-01-22"]
    lines = texts[0].splitlines()
    assert lines[0] == first_line
    assert len(lines) == 7 and lines[-1] == f"{isha} 18:55"


@pytest.mark.parametrize(
    ("lang", "text", "answer"),
    [
        (
            "en",
            "what time is Friday prayer?",
            "Friday prayer (jumu'ah) at the camp on Friday 22 January: 12:15.",
        ),
        (
            "fr",
            "à quelle heure est la prière du vendredi ?",
            "Prière du vendredi (joumoua) au camp, vendredi 22 janvier : 12:15.",
        ),
        ("ar", "متى صلاة الجمعة؟", "صلاة الجمعة في المعسكر يوم الجمعة 22 يناير: 12:15."),
    ],
)
def test_friday_prayer_is_the_next_fridays(lang: str, text: str, answer: str) -> None:
    texts, fake = ask(text, lang)
    assert asked_days(fake) == ["2027-01-22"]
    assert texts == [answer]


def test_friday_prayer_without_the_packs_time_is_dhuhr_with_a_note() -> None:
    fake = FakeLookup(PACK)
    fake.prayer_days = prayer_days(friday_from_pack=False)
    texts, _ = ask("jumuah time?", "en", fake)
    assert texts == [
        "Friday prayer (jumu'ah) on Friday 22 January is at dhuhr time, 12:05; the camp's "
        "mosque can confirm when the sermon begins."
    ]


def test_a_named_day_of_the_exercise() -> None:
    texts, fake = ask("when is fajr on 26 January?", "en")
    assert asked_days(fake) == ["2027-01-26"]
    assert texts[0] == "Fajr at the camp on Tuesday 26 January: 05:19."


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "where is the prayer room?"),
        ("fr", "où est la salle de prière ?"),
        ("ar", "وين المصلى؟"),
    ],
)
def test_a_question_about_the_rooms_gets_the_topic(lang: str, text: str) -> None:
    texts, fake = ask(text, lang)
    assert asked_days(fake) == []
    assert texts == topic_text(PACK, "prayer_facilities", lang)


def test_time_and_place_gets_both() -> None:
    texts, fake = ask("jumma prayer time and place", "en")
    assert asked_days(fake) == ["2027-01-22"]
    assert texts[1:] == topic_text(PACK, "prayer_facilities", "en")


def test_without_prayer_times_in_the_pack_the_topic_answers() -> None:
    pack = sample_pack()
    del pack["exercise"]["prayer_times"]
    fake = FakeLookup(pack)
    texts, _ = ask("when is maghrib today?", "en", fake)
    assert texts == topic_text(pack, "prayer_facilities", "en")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "is there friday prayer on camp"),
        ("en", "need somewhere to pray dhuhr"),
        ("fr", "la prière du vendredi, c'est près du bâtiment 7 ?"),
        ("ar", "خطبة الجمعة بأي لغة"),
    ],
)
def test_a_prayer_named_without_when_also_gets_the_rooms_text(lang: str, text: str) -> None:
    texts, fake = ask(text, lang)
    assert len(asked_days(fake)) == 1
    assert texts[-len(topic_text(PACK, "prayer_facilities", lang)) :] == topic_text(
        PACK, "prayer_facilities", lang
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "what time is jumu'ah and which building is it beside?"),
        ("fr", "à quelle heure est la grande prière, et dans quel bâtiment ?"),
        ("ar", "متى صلاة الجمعة وفي أي مبنى؟"),
        ("ur", "نماز جمعہ کب ہے اور کس عمارت کے ساتھ ہے؟"),
    ],
)
def test_a_time_asked_with_its_building_gets_the_rooms_text_too(lang: str, text: str) -> None:
    """Two facts of one prayer, its time and the building it is held by: both are answered."""
    texts, fake = ask(text, lang)
    assert asked_days(fake) == ["2027-01-22"]
    assert texts[1:] == topic_text(PACK, "prayer_facilities", lang)
