from __future__ import annotations

from datetime import date

import pytest

from actions.answer_directory import ActionAnswerContacts, ActionAnswerExercise
from actions.answer_schedule import ActionAnswerSchedule
from actions.answer_search import (
    ActionAnswerDress,
    ActionAnswerEvent,
    ActionAnswerRank,
    ActionAnswerVenue,
)
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

PACK = other_pack()
EVENT = PACK["events"][0]  # Flag raising, 2 June 2027 07:00-07:30 at +01:00, Well Square, boots
DAY_BEFORE = date(2027, 6, 1)


def with_hits(*hits: tuple[str, str]) -> FakeLookup:
    fake = FakeLookup(PACK)
    fake.search_hits = list(hits)
    return fake


@pytest.mark.parametrize(
    "lang,text",
    [("en", "what's on tomorrow?"), ("fr", "programme de demain"), ("ar", "برنامج بكرة")],
)
def test_schedule_of_a_named_day(lang: str, text: str) -> None:
    dispatcher = run(
        ActionAnswerSchedule,
        FakeLookup(PACK).handle,
        {"today": DAY_BEFORE},
        language=lang,
        text=text,
    )
    [message] = dispatcher.messages
    assert message["response"] == "utter_schedule_day"
    assert (
        message["lines"]
        == f"07:00–07:30 {EVENT['title'][lang]} — {PACK['venues'][0]['name'][lang]}"
    )
    assert "2" in message["day"]


def test_schedule_of_a_weekday_name_in_french() -> None:
    # 2 June 2027 is a Wednesday: "mercredi" from 1 June finds it.
    dispatcher = run(
        ActionAnswerSchedule,
        FakeLookup(PACK).handle,
        {"today": DAY_BEFORE},
        language="fr",
        text="qu'est-ce qu'il y a mercredi",
    )
    assert dispatcher.messages[0]["response"] == "utter_schedule_day"


def test_schedule_of_an_empty_day_says_when_the_exercise_runs() -> None:
    dispatcher = run(
        ActionAnswerSchedule,
        FakeLookup(PACK).handle,
        {"today": DAY_BEFORE},
        language="en",
        text="anything today?",
    )
    [message] = dispatcher.messages
    assert message["response"] == "utter_schedule_empty"
    assert message["start"] == "1 June 2027" and message["end"] == "3 June 2027"


def test_schedule_without_a_day_lists_the_main_events() -> None:
    dispatcher = run(
        ActionAnswerSchedule, FakeLookup(PACK).handle, language="en", text="programme?"
    )
    [message] = dispatcher.messages
    assert message["response"] == "utter_schedule_highlights"
    assert EVENT["title"]["en"] in message["lines"]


def test_event_time_and_place() -> None:
    dispatcher = run(ActionAnswerEvent, with_hits(("event", "raising")).handle, language="fr")
    [message] = dispatcher.messages
    assert message["response"] == "utter_event_details"
    assert message["title"] == EVENT["title"]["fr"]
    assert message["when"].endswith("07:00–07:30") and "juin" in message["when"]
    assert message["place"] == PACK["venues"][0]["name"]["fr"]
    assert message["dress"] == PACK["dress_codes"][0]["name"]["fr"]


def test_event_not_found_says_so() -> None:
    # Not the fixture's "on mange le soir": eating asked when is the meals' (stand_ins).
    dispatcher = run(ActionAnswerEvent, with_hits().handle, text="quand a lieu la cérémonie ?")
    assert dispatcher.messages[0]["response"] == "utter_no_information"


def test_dress_for_an_event_and_general_dress_guidance() -> None:
    # (The tracker's own text asks "à quelle heure": a dress question alone here.)
    fake = with_hits(("event", "raising"))
    dispatcher = run(ActionAnswerDress, fake.handle, language="ar", text="ماذا ألبس في رفع العلم")
    [message] = dispatcher.messages
    assert message["response"] == "utter_event_dress"
    assert message["dress"] == PACK["dress_codes"][0]["name"]["ar"]
    pack = other_pack()
    pack["topics"].append({**pack["topics"][0], "id": "dress-rule", "topic": "dress"})
    general = run(ActionAnswerDress, FakeLookup(pack).handle, language="en")
    assert general.messages[0]["text"] == pack["topics"][0]["text"]["en"]


@pytest.mark.parametrize(
    "lang,text",
    [
        ("fr", "tenue et heure pour la cérémonie stp"),
        ("ar", "لباس المراسم ووقتها"),
        ("en", "dress and start time for the ceremony?"),
    ],
)
def test_a_dress_question_asking_when_too_gets_the_events_time(lang: str, text: str) -> None:
    # Issue 20: "tenue et heure pour la cérémonie" got the dress alone, not the 07:00 asked.
    fake = with_hits(("event", "raising"))
    dispatcher = run(ActionAnswerDress, fake.handle, language=lang, text=text, entities=[])
    [event, dress] = dispatcher.messages
    assert event["response"] == "utter_event_details" and "07:00" in event["when"]
    assert dress["response"] == "utter_event_dress"


def test_venue_directions_and_opening_hours() -> None:
    dispatcher = run(ActionAnswerVenue, with_hits(("venue", "well-square")).handle, language="en")
    [message] = dispatcher.messages
    assert message["response"] == "utter_venue_details"
    assert message["directions"] == PACK["venues"][0]["directions"]["en"]
    assert message["hours"] == "Mon–Sun 06:00–20:00"


@pytest.mark.parametrize("text", ["what is OF-2 in your army", "of2 equivalent?"])
def test_rank_by_nato_code(text: str) -> None:
    dispatcher = run(ActionAnswerRank, FakeLookup(PACK).handle, language="en", text=text)
    [message] = dispatcher.messages
    assert message["response"] == "utter_rank_equivalence"
    assert message["code"] == "OF-2"
    assert message["titles"] == "Hostland: Captain and Guestland: Captain"


def test_rank_in_a_language_the_exercise_lacks_gives_codes_not_none() -> None:
    """The second exercise has no Urdu: the grade's code comes back, and neither a nation
    named "None" nor an empty title list (the titles are never filled in from another
    language)."""
    pack = other_pack()
    pack["ranks"][0]["titles"]["gst"] = [{"en": "Captain", "ur": "کپتان"}]
    dispatcher = run(ActionAnswerRank, FakeLookup(pack).handle, language="ur", text="OF-2")
    [message] = dispatcher.messages
    assert message["code"] == "OF-2"
    assert message["titles"] == "gst: کپتان"


def test_rank_by_title_via_search_and_unknown_rank() -> None:
    found = run(ActionAnswerRank, with_hits(("rank", "of-2")).handle, language="fr", text="nqib ?")
    assert found.messages[0]["titles"] == "Hôtelie: Capitaine et Invitie: Capitaine"
    unknown = run(ActionAnswerRank, with_hits().handle, language="fr", text="amiral ?")
    assert unknown.messages[0]["response"] == "utter_rank_not_found"


def test_contacts_with_how_to_reach_them_and_their_languages() -> None:
    dispatcher = run(ActionAnswerContacts, FakeLookup(PACK).handle, language="en")
    [message] = dispatcher.messages
    assert message["name"] == "Liaison desk"
    assert message["reach"] == "+000 555 7000"
    assert message["languages"] == "French and Arabic"


def test_exercise_overview() -> None:
    dispatcher = run(ActionAnswerExercise, FakeLookup(PACK).handle, language="fr")
    [message] = dispatcher.messages
    assert message["name"] == PACK["exercise"]["name"]["fr"]
    assert message["start"] == "1 juin 2027"
    assert message["nations"] == "Hôtelie et Invitie"


def test_the_extracted_entity_is_what_gets_looked_up() -> None:
    fake = with_hits(("venue", "well-square"))
    run(
        ActionAnswerVenue,
        fake.handle,
        language="en",
        text="how do I get to the square by the well",
        entities=[{"entity": "venue", "value": "square by the well", "start": 20, "end": 38}],
    )
    assert fake.requests[0].url.params["q"] == "square by the well"
    assert fake.requests[0].url.params["mode"] == "name"
    whole = with_hits(("venue", "well-square"))
    run(ActionAnswerVenue, whole.handle, language="en", text="how do I get there")
    assert whole.requests[0].url.params["q"] == "how do I get there"
    assert whole.requests[0].url.params["mode"] == "question"


@pytest.mark.parametrize(
    "lang,text",
    [
        ("ar", "شو في يوم الخميس"),
        ("ar", "برنامج الخميس"),
        ("fr", "et jeudi ?"),
        ("en", "thursday?"),
    ],
)
def test_weekday_names_in_every_language(lang: str, text: str) -> None:
    from actions.dates import requested_day

    # From Tuesday 1 June 2027, Thursday is 3 June.
    assert requested_day(text, date(2027, 6, 1), date(2027, 6, 1), date(2027, 6, 3), lang) == date(
        2027, 6, 3
    )


# Tuesday 1 June 2027, an exercise from 1 to 7 June (Friday is the 4th).
EXERCISE = (date(2027, 6, 1), date(2027, 6, 7))


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ar", "ماذا يوجد اليوم؟", date(2027, 6, 1)),
        ("ar", "شو البرنامج الليلة", date(2027, 6, 1)),
        ("ar", "ما برنامج الغد؟", date(2027, 6, 2)),
        ("ar", "ماذا غداً", date(2027, 6, 2)),
        ("ar", "شو في بكرا", date(2027, 6, 2)),
        ("ar", "ماذا يوجد يوم الجمعة", date(2027, 6, 4)),
        ("ar", "البرنامج يوم 5 يونيو", date(2027, 6, 5)),
        ("ar", "البرنامج يوم ٦ يونيو", date(2027, 6, 6)),
        ("fr", "quel est le programme aujourd'hui ?", date(2027, 6, 1)),
        ("fr", "et ce soir ?", date(2027, 6, 1)),
        ("fr", "et demain ?", date(2027, 6, 2)),
        ("fr", "et après-demain ?", date(2027, 6, 3)),
        ("fr", "qu'y a-t-il vendredi ?", date(2027, 6, 4)),
        ("fr", "le programme du 5 juin", date(2027, 6, 5)),
        ("fr", "le 1er juin", date(2027, 6, 1)),
    ],
)
def test_relative_and_named_days_in_arabic_and_french(lang: str, text: str, expected: date) -> None:
    from actions.dates import requested_day

    assert requested_day(text, date(2027, 6, 1), *EXERCISE, lang) == expected


def test_relative_days_count_from_today_named_days_from_the_exercise() -> None:
    from actions.dates import requested_day

    before = date(2027, 5, 20)  # a Thursday, twelve days before the exercise
    assert requested_day("demain", before, *EXERCISE, "fr") == date(2027, 5, 21)
    assert requested_day("vendredi", before, *EXERCISE, "fr") == date(2027, 6, 4)
    assert requested_day("يوم الجمعة", before, *EXERCISE, "ar") == date(2027, 6, 4)
    # Asked on a Friday, "Friday" is that day, not a week later; a Tuesday already past is the
    # exercise's.
    friday = date(2027, 6, 4)
    assert requested_day("vendredi", friday, *EXERCISE, "fr") == friday
    assert requested_day("الثلاثاء", friday, *EXERCISE, "ar") == date(2027, 6, 1)


@pytest.mark.parametrize(
    "lang,text",
    [
        ("fr", "le 20 juillet"),  # outside the exercise
        ("en", "what is on the 2nd"),  # dateparser reads 1 February
        ("ar", "كيف أصل إلى الساحة"),
        ("fr", "où est la salle de sport ?"),
    ],
)
def test_no_day_of_the_exercise_named(lang: str, text: str) -> None:
    from actions.dates import requested_day

    assert requested_day(text, date(2027, 6, 1), *EXERCISE, lang) is None


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "dress code for 2 June?"),
        ("fr", "quelle tenue pour le 2 juin"),
        ("ar", "ايش الزي المطلوب في ٢ يونيو"),
    ],
)
def test_a_dress_question_naming_a_day_and_no_event_gets_that_days_dress(
    lang: str, text: str
) -> None:
    # Issue 20: "what to wear on <date>" named no event; the answer was the dress guidance,
    # which this exercise lacks ("I don't have that"), not the dress of that day's events.
    pack = other_pack()
    pack["topics"].append({**pack["topics"][0], "id": "dress-rule", "topic": "dress"})
    dispatcher = run(
        ActionAnswerDress,
        FakeLookup(pack).handle,
        {"today": DAY_BEFORE},
        language=lang,
        text=text,
        entities=[],
    )
    [message] = dispatcher.messages
    assert message["response"] == "utter_event_dress"
    assert message["dress"] == PACK["dress_codes"][0]["name"][lang]


def test_a_dress_question_naming_a_day_without_events_gets_the_guidance() -> None:
    pack = other_pack()
    pack["topics"].append({**pack["topics"][0], "id": "dress-rule", "topic": "dress"})
    dispatcher = run(
        ActionAnswerDress,
        FakeLookup(pack).handle,
        {"today": DAY_BEFORE},
        language="en",
        text="dress code for 3 June?",
        entities=[],
    )
    assert dispatcher.messages[0]["text"] == pack["topics"][0]["text"]["en"]
