"""Liaison teams edit facts in the lookup service; the bot's next answer changes, with no
restart and no retraining. Structured questions go through the whole stack too."""

from __future__ import annotations

import httpx
import pytest

from common.i18n.formatting import language_names
from common.languages import LANGUAGE_NAMES
from tests.e2e.helpers import ADMIN_TOKEN, QUESTIONS, enrolled_sender, response_text, say
from tests.packs import SAMPLE_PACK, read_pack, topic_text
from tools.stack import Stack

SAMPLE = read_pack(SAMPLE_PACK)

pytestmark = pytest.mark.e2e


def edit_meal_text(stack: Stack, lang: str, text: str | None) -> httpx.Response:
    meal_item = next(item for item in SAMPLE["topics"] if item["topic"] == "meals")
    return httpx.patch(
        f"{stack.url('lookup')}/v1/admin/items/topic/{meal_item['id']}",
        json={"text": {lang: text}},
        headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
    )


def test_an_admin_edit_changes_the_next_answer_without_restart(stack: Stack) -> None:
    # Meals are for participants (issue 19): both visitors enrol first, the real way.
    french, english = enrolled_sender(stack, "fr"), enrolled_sender(stack, "en")
    question = QUESTIONS[("meals", "fr")]
    assert say(stack, question, sender=french) == topic_text(SAMPLE, "meals", "fr")

    meal_item = next(item for item in SAMPLE["topics"] if item["topic"] == "meals")
    new_text = "Le réfectoire ouvre exceptionnellement à 06h00 pour le petit-déjeuner."
    response = edit_meal_text(stack, "fr", new_text)
    try:
        assert response.status_code == 200, response.text
        assert say(stack, question, sender=french) == [new_text]
        # The other languages keep their own text.
        assert say(stack, QUESTIONS[("meals", "en")], sender=english) == topic_text(
            SAMPLE, "meals", "en"
        )
    finally:
        # The stack is shared with other modules: the sample's text goes back.
        restored = edit_meal_text(stack, "fr", meal_item["text"]["fr"])
        assert restored.status_code == 200, restored.text
    assert say(stack, question, sender=french) == topic_text(SAMPLE, "meals", "fr")


def test_a_text_missing_in_urdu_is_offered_in_the_languages_that_have_it(stack: Stack) -> None:
    """Issue 21: with the meal item's Urdu text removed (a merge patch's null), an Urdu visitor is
    told so in Urdu and offered the exercise's other languages, a button each that switches the
    conversation; no other language's text is said in its place. Pressing one answers the
    question in that language, and the conversation stays in it."""
    meal_item = next(item for item in SAMPLE["topics"] if item["topic"] == "meals")
    visitor = enrolled_sender(stack, "ur")
    # English, then Arabic, to an Urdu reader (common.languages.ALSO_READ), then the exercise's
    # others in its order (ar, en, fr, ur).
    assert SAMPLE["exercise"]["languages"] == ["ar", "en", "fr", "ur"]
    others = ["en", "ar", "fr"]
    response = edit_meal_text(stack, "ur", None)
    try:
        assert response.status_code == 200, response.text
        replies = httpx.post(
            f"{stack.url('rasa')}/webhooks/rest/webhook",
            json={"sender": visitor, "message": QUESTIONS[("meals", "ur")]},
            timeout=30,
        ).json()
        offer = response_text("utter_not_translated_offer", "ur").replace(
            "{languages}", language_names(others, "ur")
        )
        assert replies[0]["text"] == offer
        buttons = {button["title"]: button["payload"] for button in replies[0]["buttons"]}
        assert list(buttons) == [LANGUAGE_NAMES[lang] for lang in others]
        said = " ".join(reply.get("text", "") for reply in replies)
        assert not any(meal_item["text"][lang] in said for lang in others)
        # The English button answers the question in English, with no need to ask it again.
        assert say(stack, buttons[LANGUAGE_NAMES["en"]], sender=visitor) == topic_text(
            SAMPLE, "meals", "en"
        )
        tracker = httpx.get(stack.rasa_api(f"/conversations/{visitor}/tracker"), timeout=10)
        assert tracker.json()["slots"]["language"] == "en"
        assert tracker.json()["slots"]["pending_question"] is None
    finally:
        restored = edit_meal_text(stack, "ur", meal_item["text"]["ur"])
        assert restored.status_code == 200, restored.text


def test_an_edit_without_a_token_is_refused_and_changes_nothing(stack: Stack) -> None:
    meal_item = next(item for item in SAMPLE["topics"] if item["topic"] == "meals")
    response = httpx.patch(
        f"{stack.url('lookup')}/v1/admin/items/topic/{meal_item['id']}",
        json={"text": {"en": "Meals are cancelled."}},
    )
    assert response.status_code == 401
    visitor = enrolled_sender(stack, "en")
    assert say(stack, QUESTIONS[("meals", "en")], sender=visitor) == topic_text(
        SAMPLE, "meals", "en"
    )


def test_contacts_come_from_the_service(stack: Stack) -> None:
    replies = say(
        stack,
        "how do I get hold of the liaison team's contacts?",
        sender=enrolled_sender(stack, "en"),
    )
    assert len(replies) == len(SAMPLE["contacts"])
    for reply, contact in zip(replies, SAMPLE["contacts"], strict=True):
        assert contact["name"]["en"] in reply
        assert contact["phone"] in reply


def test_a_rank_is_found_from_its_arabic_title_and_answered_in_french(stack: Stack) -> None:
    say(stack, "bonjour", sender="rank-fr")
    replies = say(stack, "c'est quoi l'équivalent du grade رائد chez vous ?", sender="rank-fr")
    major = next(rank for rank in SAMPLE["ranks"] if rank["code"] == "OF-3")
    [reply] = replies
    assert "OF-3" in reply
    for titles in major["titles"].values():
        assert titles[0]["fr"] in reply
