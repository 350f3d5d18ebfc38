"""Pressing a language offered by the not-translated notice answers the question in it (issue 21):
the answering action keeps the question it could only give the notice for (`pending_question`),
and action_language_switched, after action_switch_language, answers it again, with its own text,
intent and entities, in the language now set. A switch with nothing pending is confirmed, as
before."""

from __future__ import annotations

import asyncio
import importlib
import json
import pkgutil
from typing import Any, ClassVar

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import not_translated, switch_language
from actions.answer_topic import ActionAnswerTopic
from actions.base import LookupAction
from actions.handoff import ActionRequestHuman
from actions.not_translated import PENDING_SECONDS, PENDING_SLOT
from actions.switch_language import ActionLanguageSwitched, ActionSwitchLanguage
from tests.actions import conversation
from tests.actions.conftest import EMPTY_DOMAIN, tracker_from_file
from tests.actions.fake_lookup import FakeLookup, client_for
from tests.actions.test_not_translated import pack_with_urdu_gap
from tests.packs import other_pack

MEAL_QUESTION_UR = "رات کا کھانا کتنے بجے ملتا ہے؟"
# Telegram's limit on a button's data: the payload carries no question.
TELEGRAM_CALLBACK_BYTES = 64


def question(language: str = "ur", text: str = MEAL_QUESTION_UR, **changes: Any) -> Tracker:
    return tracker_from_file("french_meal_question.json", language=language, text=text, **changes)


def pressed(button: dict[str, Any], kept: Any, language_before: str = "ur") -> Tracker:
    """The tracker as Rasa sends it when the button's payload was the message: the shortcut's
    intent and entity, the slots as they were (the kept question among them)."""
    payload = button["payload"]
    shortcut, entities = payload.split("{", 1)
    requested = json.loads("{" + entities)["requested_language"]
    state = question(
        language_before,
        text=payload,
        intent=shortcut.lstrip("/"),
        entities=[{"entity": "requested_language", "value": requested}],
    )
    state.slots[PENDING_SLOT] = kept
    return state


def switched(state: Tracker, events: list[dict[str, Any]]) -> Tracker:
    """The tracker after action_switch_language's events, as the next action gets it."""
    after = state.copy()
    for event in events:
        after.slots[event["name"]] = event["value"]
    return after


def run_actions(
    fake: FakeLookup, *steps: tuple[type, Tracker]
) -> list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """Each (action class, tracker) in turn against `fake`: its messages and events."""

    async def go() -> list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
        said = []
        async with client_for(fake.handle) as client:
            for action_class, state in steps:
                dispatcher = CollectingDispatcher()
                events = await action_class(client).run(dispatcher, state, EMPTY_DOMAIN)
                said.append((dispatcher.messages, events))
        return said

    return asyncio.run(go())


def switch_events(state: Tracker) -> list[dict[str, Any]]:
    return asyncio.run(ActionSwitchLanguage().run(CollectingDispatcher(), state, EMPTY_DOMAIN))


def texts(messages: list[dict[str, Any]]) -> list[str | None]:
    return [message.get("text") or message.get("response") for message in messages]


def test_pressing_english_under_the_urdu_notice_answers_the_question_in_english() -> None:
    pack = pack_with_urdu_gap()
    fake = FakeLookup(pack)
    asked = question("ur")
    [(notice, kept_events)] = run_actions(fake, (ActionAnswerTopic, asked))
    assert notice[0]["response"] == "utter_not_translated_offer"
    [kept] = kept_events
    assert kept["name"] == PENDING_SLOT
    english = next(b for b in notice[0]["buttons"] if b["title"] == "English")
    assert len(english["payload"].encode()) <= TELEGRAM_CALLBACK_BYTES

    press = pressed(english, kept["value"])
    after_switch = switched(press, switch_events(press))
    assert after_switch.get_slot("language") == "en"
    [(answer, events)] = run_actions(fake, (ActionLanguageSwitched, after_switch))
    # The answer the same question gets in English, and nothing of the confirmation.
    [(asked_in_english, _)] = run_actions(fake, (ActionAnswerTopic, question("en")))
    assert texts(answer) == texts(asked_in_english)
    assert pack["topics"][0]["text"]["en"] in texts(answer)
    assert "utter_language_switched" not in texts(answer)
    assert events == [{"event": "slot", "name": PENDING_SLOT, "value": None, "timestamp": None}]


def test_a_switch_with_nothing_pending_is_confirmed_as_before() -> None:
    fake = FakeLookup(pack_with_urdu_gap())
    typed = question("en", text="English please", intent="switch_language")
    [(said, events)] = run_actions(fake, (ActionLanguageSwitched, typed))
    assert texts(said) == ["utter_language_switched"]
    assert events == []


def test_a_question_answered_in_full_keeps_nothing_and_empties_an_earlier_offer() -> None:
    fake = FakeLookup(pack_with_urdu_gap())
    [(_, [kept])] = run_actions(fake, (ActionAnswerTopic, question("ur")))
    answered = question("en")
    [(_, nothing)] = run_actions(fake, (ActionAnswerTopic, answered))
    assert nothing == []
    answered.slots[PENDING_SLOT] = kept["value"]
    [(_, emptied)] = run_actions(fake, (ActionAnswerTopic, answered))
    assert emptied == [{"event": "slot", "name": PENDING_SLOT, "value": None, "timestamp": None}]


def test_the_contacts_given_for_a_person_asked_for_answer_again_in_the_language_pressed() -> None:
    """On a channel an officer's reply cannot reach (REST), "I need to talk to the duty desk"
    gets the contacts; the second exercise's have no Urdu names: the offer's button gives them
    in English."""
    pack = other_pack()
    request = conversation.user("ڈیوٹی ڈیسک سے بات کرنی ہے", "request_human", 1.0)
    request["input_channel"] = "rest"
    state = conversation.tracker([request], language="ur")
    said, events = conversation.run(ActionRequestHuman, FakeLookup(pack), state)
    assert said.messages[0]["response"] == "utter_handoff_not_on_this_channel"
    assert "utter_not_translated_offer" in texts(said.messages)
    [kept] = events
    assert kept["name"] == PENDING_SLOT and kept["value"]["action"] == "action_answer_contacts"
    [(answer, _)] = run_actions(
        FakeLookup(pack), (ActionLanguageSwitched, after_pressing("en", kept["value"]))
    )
    contacts = [message for message in answer if message.get("response") == "utter_contact"]
    assert [contact["name"] for contact in contacts] == [c["name"]["en"] for c in pack["contacts"]]


class Recorded(LookupAction):
    """Stands for the answering action: what it was handed."""

    seen: ClassVar[list[Tracker]] = []

    def name(self) -> str:
        return "action_answer_venue"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        Recorded.seen.append(tracker)
        dispatcher.utter_message(text=f"answered in {lang}")


def kept_venue_question(language: str = "ur") -> dict[str, Any]:
    """The question an Urdu visitor asked about a place, as the venue action keeps it."""
    state = question(
        language,
        text="ویل اسکوائر کب کھلتا ہے؟",
        intent="ask_venue_info",
        entities=[
            {"entity": "venue", "value": "ویل اسکوائر", "start": 0, "end": 11, "extractor": "CRF"},
            {"entity": "language", "value": language, "start": 0, "end": 24},
        ],
        intent_ranking=[{"name": "ask_venue_info", "confidence": 0.91}],
    )
    return not_translated.kept_question(state, "action_answer_venue", language)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[Tracker]:
    Recorded.seen = []
    monkeypatch.setitem(switch_language.ANSWERING, "action_answer_venue", Recorded)
    return Recorded.seen


def after_pressing(code: str, kept: Any) -> Tracker:
    press = pressed({"payload": not_translated.switch_payload(code)}, kept)
    return switched(press, switch_events(press))


def test_the_question_is_answered_again_with_its_own_intent_and_entities_in_the_language_pressed(
    recorded: list[Tracker],
) -> None:
    kept = kept_venue_question()
    [(said, _)] = run_actions(
        FakeLookup(pack_with_urdu_gap()), (ActionLanguageSwitched, after_pressing("fr", kept))
    )
    assert texts(said) == ["answered in fr"]
    [seen] = recorded
    assert seen.get_slot("language") == "fr"
    assert seen.latest_message["text"] == "ویل اسکوائر کب کھلتا ہے؟"
    assert seen.latest_message["intent"]["name"] == "ask_venue_info"
    assert list(seen.get_latest_entity_values("venue")) == ["ویل اسکوائر"]
    assert seen.latest_message["intent_ranking"] == [{"name": "ask_venue_info", "confidence": 0.91}]


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda kept: kept.update(action="action_request_human"), id="not-an-answer"),
        pytest.param(lambda kept: kept.update(action=["action_answer_venue"]), id="action-list"),
        pytest.param(lambda kept: kept.update(language="xx"), id="no-such-language"),
        pytest.param(lambda kept: kept.update(asked_at="now"), id="no-time"),
        pytest.param(
            lambda kept: kept.update(asked_at=kept["asked_at"] - PENDING_SECONDS - 1), id="too-old"
        ),
        pytest.param(lambda kept: kept["message"].update(text="x" * 2001), id="too-long"),
        pytest.param(lambda kept: kept["message"].update(text=""), id="no-text"),
        pytest.param(lambda kept: kept["message"].update(intent="ask_venue_info"), id="intent-str"),
        pytest.param(lambda kept: kept.update(message="ویل اسکوائر"), id="message-str"),
    ],
)
def test_a_kept_question_that_is_not_well_formed_or_too_old_only_switches(
    recorded: list[Tracker], spoil: Any
) -> None:
    kept = kept_venue_question()
    spoil(kept)
    [(said, events)] = run_actions(
        FakeLookup(pack_with_urdu_gap()), (ActionLanguageSwitched, after_pressing("en", kept))
    )
    assert texts(said) == ["utter_language_switched"] and events == []
    assert recorded == []


@pytest.mark.parametrize("kept", ["ask_venue_info", 7, ["x"], {"action": None}])
def test_a_slot_holding_anything_else_only_switches(recorded: list[Tracker], kept: Any) -> None:
    [(said, _)] = run_actions(
        FakeLookup(pack_with_urdu_gap()), (ActionLanguageSwitched, after_pressing("en", kept))
    )
    assert texts(said) == ["utter_language_switched"] and recorded == []


def test_a_switch_that_leaves_the_language_as_it_was_only_confirms(
    recorded: list[Tracker],
) -> None:
    # "اردو میں" under an Urdu notice: the answer would be the notice again.
    [(said, _)] = run_actions(
        FakeLookup(pack_with_urdu_gap()),
        (ActionLanguageSwitched, after_pressing("ur", kept_venue_question())),
    )
    assert texts(said) == ["utter_language_switched"] and recorded == []


def test_the_kept_entities_are_only_the_keys_the_actions_read(recorded: list[Tracker]) -> None:
    kept = kept_venue_question()
    kept["message"]["entities"] += [
        {"entity": "venue", "value": {"$ne": 1}},
        {"entity": 3, "value": "x"},
        "venue",
    ]
    run_actions(
        FakeLookup(pack_with_urdu_gap()), (ActionLanguageSwitched, after_pressing("en", kept))
    )
    [seen] = recorded
    assert seen.latest_message["entities"] == [
        {"entity": "venue", "value": "ویل اسکوائر", "start": 0, "end": 11},
        {"entity": "language", "value": "ur", "start": 0, "end": 24},
    ]


def test_every_answering_action_can_answer_again() -> None:
    """A LookupAction added later whose answer gives the notice is answered again too."""
    import actions

    for module in pkgutil.iter_modules(actions.__path__):
        importlib.import_module(f"actions.{module.name}")

    def concrete(cls: Any) -> list[Any]:
        found = [] if getattr(cls, "__abstractmethods__", None) else [cls]
        for child in cls.__subclasses__():
            found += concrete(child)
        return found

    answering = {
        cls().name() for cls in concrete(LookupAction) if cls.__module__.startswith("actions.")
    }
    assert answering == set(switch_language.ANSWERING)
