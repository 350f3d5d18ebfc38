"""A text missing in the visitor's language is never filled in from another (issue 21): the
visitor is told so in their language, offered the exercise's languages that have it, one button
each that switches the conversation, or pointed to the liaison team when none has it."""

from __future__ import annotations

import json

import pytest

from actions.answer_topic import ActionAnswerTopic
from bot.channels.guard import SHORTCUT
from common.i18n.formatting import language_names
from common.intents import VISITOR_SHORTCUTS
from common.languages import LANGUAGE_NAMES, LANGUAGES
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack


def pack_with_urdu_gap(without_french: bool = True) -> dict:
    """The second exercise with Urdu among its languages: the first meal item has no Urdu text
    (nor, unless told otherwise, a French one); every other text exists in Urdu."""
    pack = other_pack()
    pack["exercise"]["languages"] = ["fr", "en", "ar", "ur"]
    for topic in pack["topics"]:
        for texts in (topic["title"], topic["text"]):
            texts["ur"] = f"اردو متن: {texts['en']}"
    del pack["topics"][0]["text"]["ur"]
    if without_french:
        del pack["topics"][0]["text"]["fr"]
    return pack


@pytest.mark.parametrize("lang", ["ur", "fr"])
def test_a_missing_text_offers_the_languages_that_have_it(lang: str) -> None:
    pack = pack_with_urdu_gap()
    dispatcher = run(ActionAnswerTopic, FakeLookup(pack).handle, language=lang)
    offer, answered = dispatcher.messages
    assert offer["response"] == "utter_not_translated_offer"
    assert offer["languages"] == language_names(["en", "ar"], lang)  # the exercise's order
    assert [button["title"] for button in offer["buttons"]] == [
        LANGUAGE_NAMES["en"],
        LANGUAGE_NAMES["ar"],
    ]
    # Nothing of the English or Arabic text is said in its place.
    assert all(pack["topics"][0]["text"][other] not in str(offer) for other in ("en", "ar"))
    assert answered["text"] == pack["topics"][1]["text"][lang]


@pytest.mark.parametrize(
    ("lang", "offered"),
    # Urdu's readers get English, then Arabic, then the rest (issue 21: "offered English or
    # Arabic"); French ones the exercise's order (fr, en, ar).
    [("ur", ["en", "ar", "fr"]), ("fr", ["en", "ar"])],
)
def test_the_offer_puts_the_languages_a_reader_reads_too_first(
    lang: str, offered: list[str]
) -> None:
    pack = pack_with_urdu_gap(without_french=lang == "fr")
    dispatcher = run(ActionAnswerTopic, FakeLookup(pack).handle, language=lang)
    offer = dispatcher.messages[0]
    assert [button["title"] for button in offer["buttons"]] == [
        LANGUAGE_NAMES[code] for code in offered
    ]
    assert offer["languages"] == language_names(offered, lang)


def test_each_offered_button_is_a_language_switch_the_guard_lets_through() -> None:
    dispatcher = run(ActionAnswerTopic, FakeLookup(pack_with_urdu_gap()).handle, language="ur")
    for button in dispatcher.messages[0]["buttons"]:
        shortcut = SHORTCUT.match(button["payload"])
        assert shortcut and shortcut["intent"] == "switch_language"
        entities = json.loads(button["payload"][shortcut.end() :])
        allowed = VISITOR_SHORTCUTS["switch_language"]["requested_language"]
        assert entities["requested_language"] in allowed and allowed == frozenset(LANGUAGES)


def test_a_text_no_language_has_points_to_the_liaison_team() -> None:
    pack = pack_with_urdu_gap()
    # Only Urdu lacks it, and the exercise has no other language: nothing to offer.
    pack["exercise"]["languages"] = ["ur"]
    dispatcher = run(ActionAnswerTopic, FakeLookup(pack).handle, language="ur")
    assert dispatcher.messages[0]["response"] == "utter_not_translated"
    assert not dispatcher.messages[0]["buttons"]
