"""Issue 20: before "I didn't understand" or "I don't have that", the action server asks the
lookup service's search with the whole message and answers from the best item when the service
says the match is confident (actions/answer_found.py), so names the model never saw (another
exercise's places and events) are answered, also when the model called them out of scope; a
question the model leaned to refuse only when it names an item nearly alone; a person named gets
their contact whichever contact-ish intent the classifier chose.
Scores and coverage are scripted here: ranking is the service's job (tests/lookup)."""

from __future__ import annotations

import json

import httpx
import pytest

from actions.answer_directory import ActionAnswerContacts
from actions.answer_search import ActionAnswerEvent, ActionAnswerRank
from actions.answer_topic import ActionAnswerTopic
from actions.handoff import ActionNotUnderstood, ActionOutOfScope
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

PACK = other_pack()
VENUE, EVENT, DRESS = PACK["venues"][0], PACK["events"][0], PACK["dress_codes"][0]
CONTACT = PACK["contacts"][0]


def fake_with(
    hit: tuple[str, str], score: float = 2.0, coverage: float = 1.0, pack: dict | None = None
) -> FakeLookup:
    fake = FakeLookup(pack or PACK)
    fake.search_hits = [hit]
    fake.search_figures = {hit: (score, coverage)}
    return fake


def searches(fake: FakeLookup) -> list[str]:
    return [r.url.params["q"] for r in fake.requests if r.url.path == "/v1/search"]


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_the_fallback_answers_a_place_the_search_is_sure_of(lang: str) -> None:
    fake = fake_with(("venue", VENUE["id"]))
    text = f"{VENUE['name'][lang]}?"
    dispatcher = run(
        ActionNotUnderstood, fake.handle, intent="nlu_fallback", language=lang, text=text
    )
    [message] = dispatcher.messages
    assert message["response"] == "utter_venue_details"
    assert message["name"] == VENUE["name"][lang]
    assert searches(fake) == [text]
    assert fake.posted("/v1/unanswered") == []  # answered: nothing for the team to pick up


@pytest.mark.parametrize(
    "score,coverage",
    [(0.6, 0.55), (2.0, 0.3), (0.3, 1.0)],
    ids=["weak-name", "name-amid-unknown-words", "weak-whole"],
)
def test_the_fallback_stays_the_fallback_when_the_search_is_unsure(
    score: float, coverage: float
) -> None:
    fake = fake_with(("venue", VENUE["id"]), score, coverage)
    dispatcher = run(ActionNotUnderstood, fake.handle, intent="nlu_fallback", text="square dance")
    assert [m["response"] for m in dispatcher.messages] == ["utter_default"]


def fallback_leaning_to(guess: str) -> list[dict[str, object]]:
    return [
        {"name": "nlu_fallback", "confidence": 0.35},
        {"name": guess, "confidence": 0.3},
        {"name": "ask_venue_info", "confidence": 0.2},
    ]


def test_what_staff_send_is_never_searched() -> None:
    fake = fake_with(("venue", VENUE["id"]))
    dispatcher = run(
        ActionNotUnderstood,
        fake.handle,
        intent="nlu_fallback",
        intent_ranking=fallback_leaning_to("liaison_message"),
        text="Well Square",
    )
    assert [m["response"] for m in dispatcher.messages] == ["utter_default"]
    assert searches(fake) == []


@pytest.mark.parametrize(
    "score,coverage",
    [(2.0, 0.6), (0.9, 0.95), (1.2, 1.0)],
    ids=["name-amid-other-words", "fair-whole", "name-in-part"],
)
def test_a_question_the_model_leaned_to_refuse_gets_no_near_item(
    score: float, coverage: float
) -> None:
    # Confident enough for any other fallback, not for one whose runner-up is ask_restricted.
    fake = fake_with(("venue", VENUE["id"]), score, coverage)
    dispatcher = run(
        ActionNotUnderstood,
        fake.handle,
        intent="nlu_fallback",
        intent_ranking=fallback_leaning_to("ask_restricted"),
        text="where are the weapons kept at Well Square",
    )
    assert [m["response"] for m in dispatcher.messages] == ["utter_default"]


def test_a_question_leaning_to_refuse_that_names_an_item_alone_gets_it() -> None:
    # "quels sont les horaires de la place du puits ?": fallback, ask_restricted runner-up.
    fake = fake_with(("venue", VENUE["id"]), 2.0, 1.0)
    text = f"quels sont les horaires de la {VENUE['name']['fr']} ?"
    dispatcher = run(
        ActionNotUnderstood,
        fake.handle,
        intent="nlu_fallback",
        intent_ranking=fallback_leaning_to("ask_restricted"),
        language="fr",
        text=text,
    )
    [message] = dispatcher.messages
    assert message["response"] == "utter_venue_details"
    assert message["name"] == VENUE["name"]["fr"]


def test_a_topic_this_exercise_lacks_is_answered_from_what_the_message_names() -> None:
    # "when does the field kitchen open?" classified as a question on a topic the pack lacks.
    fake = fake_with(("dress_code", DRESS["id"]))
    dispatcher = run(
        ActionAnswerTopic, fake.handle, intent="ask_laundry", language="en", text="field boots?"
    )
    [message] = dispatcher.messages
    assert message["response"] == "utter_dress_code"
    assert (message["name"], message["description"]) == (
        DRESS["name"]["en"],
        DRESS["description"]["en"],
    )


def test_an_entity_that_names_nothing_lets_the_whole_message_decide() -> None:
    # The entity ("حفل" where the pack says "مراسم") finds nothing; the message does.
    fake = fake_with(("event", EVENT["id"]))
    fake.name_hits = []
    entity = {"entity": "event", "value": "حفل الرفع", "start": 4, "end": 13}
    dispatcher = run(
        ActionAnswerEvent,
        fake.handle,
        intent="ask_event_info",
        language="ar",
        text="متى حفل الرفع العلم",
        entities=[entity],
    )
    [message] = dispatcher.messages
    assert message["title"] == EVENT["title"]["ar"]
    modes = [r.url.params.get("mode") for r in fake.requests if r.url.path == "/v1/search"]
    assert modes == ["name", "question"]


def test_an_entity_that_names_nothing_and_an_unsure_message_find_nothing() -> None:
    fake = fake_with(("event", EVENT["id"]), score=0.4, coverage=0.4)
    fake.name_hits = []
    entity = {"entity": "event", "value": "football match", "start": 12, "end": 26}
    dispatcher = run(
        ActionAnswerEvent,
        fake.handle,
        intent="ask_event_info",
        language="en",
        text="when is the football match",
        entities=[entity],
    )
    assert [m["response"] for m in dispatcher.messages] == ["utter_no_information"]


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_a_person_named_in_a_rank_question_gets_the_contact(lang: str) -> None:
    # "what is Captain Girard's phone number?" went to ask_rank_equivalence.
    fake = fake_with(("contact", CONTACT["id"]))
    dispatcher = run(
        ActionAnswerRank,
        fake.handle,
        intent="ask_rank_equivalence",
        language=lang,
        text=f"{CONTACT['name'][lang]} ?",
    )
    [message] = dispatcher.messages
    assert message["response"] == "utter_contact"
    assert message["name"] == CONTACT["name"][lang]
    assert CONTACT["phone"] in message["reach"]
    kinds = [r.url.params.get_list("kind") for r in fake.requests if r.url.path == "/v1/search"]
    assert kinds == [["contact", "rank"]]


def test_a_rank_title_alone_stays_a_rank_question() -> None:
    fake = fake_with(("rank", "of-2"))
    dispatcher = run(
        ActionAnswerRank, fake.handle, intent="ask_rank_equivalence", text="capitaine ?"
    )
    assert [m["response"] for m in dispatcher.messages] == ["utter_rank_equivalence"]


def test_a_contact_question_naming_one_person_gets_that_one() -> None:
    pack = other_pack()
    other = dict(CONTACT, id="second", name={"en": "Maj. Other", "fr": "Cdt Autre", "ar": "آخر"})
    pack["contacts"].append(other)
    fake = fake_with(("contact", "second"), pack=pack)
    dispatcher = run(ActionAnswerContacts, fake.handle, language="en", text="Maj. Other's phone")
    assert [m["name"] for m in dispatcher.messages] == ["Maj. Other"]
    # Naming no one (the search unsure), every contact as before.
    fake.search_figures = {("contact", "second"): (0.4, 0.3)}
    dispatcher = run(ActionAnswerContacts, fake.handle, language="en", text="who do I call")
    assert [m["name"] for m in dispatcher.messages] == [CONTACT["name"]["en"], "Maj. Other"]


def test_an_emergency_question_naming_a_person_gets_that_person() -> None:
    fake = fake_with(("contact", CONTACT["id"]))
    dispatcher = run(
        ActionAnswerTopic,
        fake.handle,
        intent="ask_emergency_contact",
        language="fr",
        text="comment joindre le bureau de liaison en urgence",
    )
    assert [m.get("response") for m in dispatcher.messages] == ["utter_contact"]


@pytest.mark.parametrize(
    "lang,intent,text",
    [
        ("ur", "ask_communications", "لائزن ڈیسک کا فون نمبر کیا ہے؟"),
        ("ur", "ask_gender_interaction", "لائزن ڈیسک سے کیسے رابطہ کروں؟"),
        ("en", "ask_communications", "what's the liaison desk's number?"),
        ("fr", "ask_transport", "le numéro du bureau de liaison ?"),
        ("ar", "ask_communications", "ما رقم هاتف مكتب الارتباط؟"),
    ],
)
def test_any_topic_question_asking_how_to_reach_someone_named_gets_them(
    lang: str, intent: str, text: str
) -> None:
    # "کیپٹن جیرارڈ کا فون نمبر کیا ہے؟" went to communications (the Wi-Fi and radio texts):
    # the name matched by a prefix (جیرارڈ, the pack's جيرار) is confident, not plainly named.
    pack = other_pack()  # with texts on the topics asked (else the search answers anyway)
    for topic in ("communications", "gender_interaction", "transport"):
        pack["topics"].append(dict(pack["topics"][0], id=topic, topic=topic))
    fake = fake_with(("contact", CONTACT["id"]), score=1.2, pack=pack)
    dispatcher = run(ActionAnswerTopic, fake.handle, intent=intent, language=lang, text=text)
    # The pack has no Urdu names: the number, then the languages that have the name
    # (actions/not_translated.py).
    message, *notice = dispatcher.messages
    assert message.get("response") == "utter_contact" or CONTACT["phone"] in message["text"]
    assert [m["response"] for m in notice] == (
        [] if lang != "ur" else ["utter_not_translated_offer"]
    )


def test_a_topic_question_not_asking_to_reach_anyone_keeps_its_topic() -> None:
    fake = fake_with(("contact", CONTACT["id"]), score=1.2)
    text = "when does the desk tent serve dinner?"
    dispatcher = run(ActionAnswerTopic, fake.handle, intent="ask_meal_times", text=text)
    assert [m.get("text") for m in dispatcher.messages][:1] == [PACK["topics"][0]["text"]["fr"]]


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_a_topic_question_that_plainly_names_an_item_gets_the_item(lang: str) -> None:
    # "Pavillon Quillmarsh" went to the flag topic (pavillon: a flag); the place answers.
    fake = fake_with(("venue", VENUE["id"]))
    text = VENUE["name"][lang]
    dispatcher = run(
        ActionAnswerTopic, fake.handle, intent="ask_flag_order", language=lang, text=text
    )
    assert [m.get("response") for m in dispatcher.messages] == ["utter_venue_details"]
    assert not any(r.url.path.startswith("/v1/topics/") for r in fake.requests)


@pytest.mark.parametrize(
    "intent,hit,score,coverage",
    [
        ("ask_meal_times", ("venue", VENUE["id"]), 1.2, 1.0),  # a place merely mentioned
        ("ask_meal_times", ("venue", VENUE["id"]), 2.0, 0.6),  # amid the topic's own words
        ("ask_meal_times", ("topic", "mess-tent"), 2.0, 1.0),  # a topic's text is the answer
        ("ask_photography", ("event", EVENT["id"]), 2.0, 1.0),  # photos at an event: the rules
    ],
    ids=["weak", "partial", "topic-text", "photography"],
)
def test_the_topic_answers_when_no_item_is_plainly_named(
    intent: str, hit: tuple[str, str], score: float, coverage: float
) -> None:
    topic = {"ask_meal_times": "meals", "ask_photography": "photography"}[intent]
    pack = other_pack()
    pack["topics"].append(dict(pack["topics"][0], id="photo-rules", topic="photography"))
    fake = fake_with(hit, score, coverage, pack=pack)
    dispatcher = run(ActionAnswerTopic, fake.handle, intent=intent, language="en", text="x y")
    expected = [t["text"]["en"] for t in pack["topics"] if t["topic"] == topic]
    assert [m.get("text") for m in dispatcher.messages] == expected


def test_items_held_back_from_a_public_visitor_by_that_search_add_no_enrol_note() -> None:
    class Withholding(FakeLookup):
        def answer(self, request: httpx.Request) -> httpx.Response:
            response = super().answer(request)
            if request.url.path != "/v1/search":
                return response
            return httpx.Response(200, json={**json.loads(response.content), "withheld": 3})

    fake = Withholding(PACK)
    dispatcher = run(ActionAnswerTopic, fake.handle, intent="ask_meal_times", language="en")
    assert "utter_enrol_for_more" not in [m.get("response") for m in dispatcher.messages]
    assert dispatcher.messages[0]["text"]


@pytest.mark.parametrize(
    "lang,text,unmatched,person",
    [
        (
            "en",
            "what is Captain Dubois's phone number?",
            ["dubois", "phone", "number"],
            "Captain Dubois",
        ),
        ("fr", "le numéro du capitaine Dubois ?", ["numero", "dubois"], "capitaine Dubois"),
        ("ar", "ما رقم هاتف النقيب دوبوا؟", ["رقم", "هاتف", "دوبوا"], "النقيب دوبوا"),
    ],
)
def test_a_person_the_exercise_lacks_is_said_to_have_no_contact(
    lang: str, text: str, unmatched: list[str], person: str
) -> None:
    pack = other_pack()
    rank = pack["ranks"][0]
    rank["titles"] = {
        nation: [{"en": "Captain", "fr": "Capitaine", "ar": "نقيب"}] for nation in rank["titles"]
    }
    fake = fake_with(("rank", rank["id"]), pack=pack)
    fake.search_unmatched = unmatched
    for action in (ActionAnswerRank, ActionAnswerContacts):
        dispatcher = run(action, fake.handle, language=lang, text=text)
        [message] = dispatcher.messages
        assert person in message["text"], message
        assert lang == "en" or "liaison team" not in message["text"]  # said in their language
        assert "utter_rank_equivalence" not in str(dispatcher.messages)


def test_a_grade_compared_with_an_unknown_word_is_still_a_grade() -> None:
    # "Captain" followed by a word the exercise lacks, but nobody asked how to reach anyone.
    fake = fake_with(("rank", "of-2"))
    fake.search_unmatched = ["higher"]
    dispatcher = run(ActionAnswerRank, fake.handle, language="en", text="is a Captain higher?")
    assert [m["response"] for m in dispatcher.messages] == ["utter_rank_equivalence"]


@pytest.mark.parametrize(
    "lang,text,asked",
    [
        ("en", "what is Captain Girard's phone number?", "what is Captain Girard's"),
        ("fr", "le numéro de téléphone du capitaine Girard", "le de du capitaine Girard"),
        ("ar", "ما رقم هاتف النقيب جيرار؟", "ما النقيب جيرار؟"),
    ],
)
def test_words_asking_how_to_reach_someone_do_not_count_against_the_person(
    lang: str, text: str, asked: str
) -> None:
    # A contact's phone is not a text the search reads: "phone" and "number" would match
    # nothing and weigh against the name (actions/answer_directory.py).
    fake = fake_with(("contact", CONTACT["id"]))
    run(ActionAnswerContacts, fake.handle, language=lang, text=text)
    assert searches(fake)[0] == asked


def test_an_answer_found_by_search_says_how_old_its_facts_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LIAISON_STALE_AFTER_DAYS", "14")  # the pack's facts are from May 2026
    fake = fake_with(("venue", VENUE["id"]))
    dispatcher = run(
        ActionNotUnderstood, fake.handle, intent="nlu_fallback", language="en", text="Well Square"
    )
    assert dispatcher.messages[0]["response"] == "utter_venue_details"
    assert "2 May 2026" in dispatcher.messages[-1]["text"]


def test_a_topic_answer_that_ends_in_search_searches_the_message_once() -> None:
    # The topic action asks whether the message plainly names an item (no: 1.0 < 1.5), finds
    # no text on the topic, and then asks whether it names one confidently (yes): one search.
    fake = fake_with(("venue", VENUE["id"]), score=1.0, coverage=1.0)
    text = "well square opening?"
    dispatcher = run(ActionAnswerTopic, fake.handle, intent="ask_laundry", text=text)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_venue_details"]
    assert searches(fake) == [text]


# Out of scope (round 2): the model knows the names of the exercise it learned on; another
# exercise's place asked by name ("where's Well Square?") reads as out of scope.
OUT_OF_SCOPE = [
    {"name": "out_of_scope", "confidence": 0.7},
    {"name": "ask_venue_info", "confidence": 0.2},
]


@pytest.mark.parametrize("lang", ["ar", "en", "fr", "ur"])
def test_out_of_scope_answers_an_item_the_search_is_sure_of(lang: str) -> None:
    fake = fake_with(("venue", VENUE["id"]))
    text = f"where's {VENUE['name']['en']}?"
    dispatcher = run(
        ActionOutOfScope,
        fake.handle,
        intent="out_of_scope",
        intent_ranking=OUT_OF_SCOPE,
        language=lang,
        text=text,
    )
    message, *notice = dispatcher.messages
    if VENUE["name"].get(lang):
        assert message["response"] == "utter_venue_details"
        assert message["name"] == VENUE["name"][lang]
        assert not notice
    else:  # no name in this language: the hours, then the languages that have the name
        assert "06:00" in message["text"] and not message["text"].startswith(":")
        assert [m["response"] for m in notice] == ["utter_not_translated_offer"]
    assert searches(fake) == [text]


@pytest.mark.parametrize(
    "score,coverage",
    [(0.6, 0.55), (2.0, 0.3), (0.3, 1.0)],
    ids=["weak-name", "name-amid-unknown-words", "weak-whole"],
)
def test_out_of_scope_stays_out_of_scope_when_the_search_is_unsure(
    score: float, coverage: float
) -> None:
    # "what's the weather in Paris?": a near item is worse than the out-of-scope answer.
    fake = fake_with(("venue", VENUE["id"]), score, coverage)
    dispatcher = run(
        ActionOutOfScope,
        fake.handle,
        intent="out_of_scope",
        intent_ranking=OUT_OF_SCOPE,
        text="what's the weather in Paris?",
    )
    assert [m["response"] for m in dispatcher.messages] == ["utter_out_of_scope"]
    assert fake.posted("/v1/unanswered") == []  # as the response alone: nothing recorded


def test_out_of_scope_is_said_when_the_lookup_service_is_down() -> None:
    # It needs no knowledge: the out-of-scope answer, not "I can't reach the information".
    dispatcher = run(ActionOutOfScope, None, intent="out_of_scope", text="tell me a joke")
    assert [m["response"] for m in dispatcher.messages] == ["utter_out_of_scope"]
