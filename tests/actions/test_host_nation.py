"""Issue 20: "who is the host nation?" is answered with the exercise's host nation(s), in the
visitor's language, whichever of the contacts, exercise, fallback or out-of-scope answers the
model chose (it got the contacts list, or "I didn't understand"); and a message the model did
not place that asks how to reach a person or role the exercise lists gets that contact."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from actions.answer_directory import ActionAnswerContacts, ActionAnswerExercise
from actions.handoff import ActionNotUnderstood, ActionOutOfScope
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

PACK = other_pack()
ASKED = {
    "en": ("who is the host nation?", "The host nation is Hostland."),
    "fr": ("quel est le pays hôte ?", "Le pays hôte est Hôtelie."),
    "ar": ("مين الدولة المضيفة", "الدولة المضيفة هي هوستلاند."),
}
# Concrete classes, as `run` instantiates them.
AnsweringAction = (
    type[ActionAnswerContacts]
    | type[ActionAnswerExercise]
    | type[ActionNotUnderstood]
    | type[ActionOutOfScope]
)
ACTIONS: dict[str, tuple[AnsweringAction, str]] = {
    "action_answer_contacts": (ActionAnswerContacts, "ask_contacts"),
    "action_answer_exercise": (ActionAnswerExercise, "ask_exercise_overview"),
    "action_not_understood": (ActionNotUnderstood, "nlu_fallback"),
    "action_out_of_scope": (ActionOutOfScope, "out_of_scope"),
}


@pytest.mark.parametrize("lang", sorted(ASKED))
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_the_host_nation_is_said(lang: str, action: str) -> None:
    action_class, intent = ACTIONS[action]
    question, answer = ASKED[lang]
    dispatcher = run(
        action_class, FakeLookup(PACK).handle, intent=intent, language=lang, text=question
    )
    assert [m.get("text") for m in dispatcher.messages] == [answer]


def test_asking_to_reach_the_host_nations_officer_is_still_a_contact_question() -> None:
    fake = FakeLookup(PACK)
    dispatcher = run(
        ActionAnswerContacts,
        fake.handle,
        intent="ask_contacts",
        language="en",
        text="phone number of the host nation liaison desk",
    )
    assert "The host nation is Hostland." not in [m.get("text") for m in dispatcher.messages]
    assert any(m.get("response") == "utter_contact" for m in dispatcher.messages)


def _reaching_words_count_against(fake: FakeLookup) -> Callable[[httpx.Request], httpx.Response]:
    """As the service does: a word the contact's texts lack ("contacter") lowers the share of
    the message the contact accounts for, below what the fallback trusts."""

    def handle(request: httpx.Request) -> httpx.Response:
        low = "contacter" in request.url.params.get("q", "")
        fake.search_figures = {("contact", "desk"): (2.0, 0.3 if low else 1.0)}
        return fake.handle(request)

    return handle


@pytest.mark.parametrize("action", ["action_not_understood", "action_out_of_scope"])
def test_a_message_asking_to_reach_a_listed_role_gets_its_contact(action: str) -> None:
    # "je voudrais contacter le commandant Lefèvre", "qui appeler à la permanence": fell to the
    # fallback, whose whole-message search counted the reaching words against the contact.
    fake = FakeLookup(PACK)
    fake.search_hits = [("contact", "desk")]
    action_class, intent = ACTIONS[action]
    dispatcher = run(
        action_class,
        _reaching_words_count_against(fake),
        intent=intent,
        language="fr",
        text="je voudrais contacter la permanence",
    )
    assert dispatcher.messages[0]["response"] == "utter_contact"
    assert dispatcher.messages[0]["reach"] == PACK["contacts"][0]["phone"]


def test_not_when_the_model_leaned_to_refuse() -> None:
    fake = FakeLookup(PACK)
    fake.search_hits = [("contact", "desk")]
    dispatcher = run(
        ActionNotUnderstood,
        _reaching_words_count_against(fake),
        intent="nlu_fallback",
        intent_ranking=[
            {"name": "nlu_fallback", "confidence": 0.35},
            {"name": "ask_restricted", "confidence": 0.3},
        ],
        language="fr",
        text="je voudrais contacter la permanence",
    )
    assert [m["response"] for m in dispatcher.messages] == ["utter_default"]


def test_the_host_nation_is_said_even_when_the_model_leaned_to_refuse() -> None:
    # Public (every exercise summary says it); "مين الدولة المضيفة" is such a fallback.
    dispatcher = run(
        ActionNotUnderstood,
        FakeLookup(PACK).handle,
        intent="nlu_fallback",
        intent_ranking=[
            {"name": "nlu_fallback", "confidence": 0.35},
            {"name": "ask_restricted", "confidence": 0.34},
        ],
        language="ar",
        text=ASKED["ar"][0],
    )
    assert [m.get("text") for m in dispatcher.messages] == [ASKED["ar"][1]]


def test_the_overview_adds_the_phase_whose_text_answers_the_question() -> None:
    # "مشق میں آرام کا دن کون سا ہے" (which is the rest day?) got the overview, whose phases are
    # names only; the rest day is in one phase's description (issue 20).
    pack = other_pack()
    pack["exercise"]["phases"] = [
        {
            "id": "one",
            "name": {"en": "Arrival", "fr": "Arrivée", "ar": "الوصول"},
            "start_date": "2027-06-01",
            "end_date": "2027-06-01",
            "description": {"en": "Reception.", "fr": "Accueil.", "ar": "الاستقبال."},
        },
        {
            "id": "two",
            "name": {"en": "Training", "fr": "Entraînement", "ar": "التدريب"},
            "start_date": "2027-06-02",
            "end_date": "2027-06-03",
            "description": {
                "en": "Drills. Thursday 3 June is a rest day.",
                "fr": "Exercices. Le jeudi 3 juin est un jour de repos.",
                "ar": "تمارين. يوم الخميس 3 يونيو يوم راحة.",
            },
        },
    ]
    fake = FakeLookup(pack)
    asked = {"en": "which day is the rest day?", "fr": "c'est quand le jour de repos ?"}
    for lang, text in asked.items():
        dispatcher = run(
            ActionAnswerExercise,
            fake.handle,
            intent="ask_exercise_overview",
            language=lang,
            text=text,
        )
        [overview, phase] = dispatcher.messages
        assert overview["response"] == "utter_exercise_overview"
        two = pack["exercise"]["phases"][1]
        colon = {"en": ": ", "fr": " : "}[lang]  # the visitor catalog's (French spaces it)
        assert phase["text"] == f"{two['name'][lang]}{colon}{two['description'][lang]}"
    plain = run(
        ActionAnswerExercise,
        fake.handle,
        intent="ask_exercise_overview",
        language="en",
        text="what is the exercise about?",
    )
    assert len(plain.messages) == 1


def test_an_exercise_without_phases_gets_an_overview_without_a_phases_list() -> None:
    # The second pack lists no phases: the overview ended "Phases : ." in French.
    pack = other_pack()
    pack["exercise"].pop("phases", None)
    for lang in ("en", "fr", "ar"):
        dispatcher = run(
            ActionAnswerExercise,
            FakeLookup(pack).handle,
            intent="ask_exercise_overview",
            language=lang,
            text="what is the exercise about?",
        )
        [overview] = dispatcher.messages
        assert overview["response"] == "utter_exercise_overview_without_phases"
        assert "phases" not in overview or not overview["phases"]
