"""Issue 20, by kind: on an exercise whose nations have no name in the visitor's language (a
pack without Urdu), the order of the flags asked got "I have no information" instead of the
notice offering the languages that have it, so pressing one could not answer it. Own wording;
the second test exercise (Hostland, Guestland; no Urdu)."""

from __future__ import annotations

import pytest

from actions.answer_topic import ActionAnswerTopic
from actions.not_translated import OFFER
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack


@pytest.mark.parametrize(
    "text",
    ["جھنڈے کس ترتیب سے لہرائے جائیں گے؟", "jhandon ki tarteeb kya hogi pehla kis mulk ka"],
)
def test_flag_order_without_the_visitors_language_offers_the_others(text: str) -> None:
    fake = FakeLookup(other_pack())
    dispatcher = run(
        ActionAnswerTopic, fake.handle, intent="ask_flag_order", language="ur", text=text
    )
    [message] = dispatcher.messages
    assert message.get("response") == OFFER, dispatcher.messages
    assert {b["payload"] for b in message["buttons"]} >= {
        '/switch_language{"requested_language": "en"}'
    }


def test_flag_order_in_a_language_with_the_names_is_said() -> None:
    fake = FakeLookup(other_pack())
    dispatcher = run(
        ActionAnswerTopic, fake.handle, intent="ask_flag_order", language="en", text="flag order?"
    )
    said = str(dispatcher.messages)
    assert "Hostland" in said and "Guestland" in said, dispatcher.messages
