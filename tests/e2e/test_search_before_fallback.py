"""Issue 20, search before giving up: a place added to the knowledge under a name the model has
never seen, asked by that name alone, is a message the NLU does not take for a place question
(nlu_fallback in English and Arabic; in French the flag topic, a pavillon being a flag); the
action server asks the lookup service's search before saying it did not understand, or before
answering a topic the message does not name, and the visitor gets the place's directions in
their language. So does a message the model calls out of scope (action_out_of_scope). The place
is removed afterwards (the stack is shared)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.e2e.helpers import ADMIN_TOKEN, enrolled_sender, response_text, say
from tools.stack import Stack

pytestmark = pytest.mark.e2e

# Invented here: in no training example, no pack, no held-out set.
PLACE: dict[str, Any] = {
    "id": "quillmarsh-pavilion",
    "name": {
        "en": "Quillmarsh Pavilion",
        "fr": "Pavillon Quillmarsh",
        "ar": "جناح كويلمارش",
        "ur": "کوئلمارش پویلین",
    },
    "purpose": {
        "en": "Visitors' lounge",
        "fr": "Salon des visiteurs",
        "ar": "استراحة الزوار",
        "ur": "مہمانوں کا لاؤنج",
    },
    "directions": {
        "en": "Past the north gate, the green tent on the left.",
        "fr": "Après la porte nord, la tente verte sur la gauche.",
        "ar": "بعد البوابة الشمالية، الخيمة الخضراء على اليسار.",
        "ur": "شمالی دروازے کے بعد، بائیں طرف سبز خیمہ۔",
    },
}
ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_name_the_model_never_saw_is_answered_from_the_knowledge(stack: Stack, lang: str) -> None:
    lookup = stack.url("lookup")
    created = httpx.post(f"{lookup}/v1/admin/items/venue", json=PLACE, headers=ADMIN)
    assert created.status_code == 201, created.text
    try:
        question = PLACE["name"][lang]
        parsed = httpx.post(stack.rasa_api("/model/parse"), json={"text": question}).json()
        # The premise: the model does not know this is a place (only the knowledge does).
        assert parsed["intent"]["name"] != "ask_venue_info", parsed["intent"]
        replies = say(stack, question, sender=enrolled_sender(stack, lang))
        assert any(PLACE["directions"][lang] in reply for reply in replies), replies
    finally:
        removed = httpx.delete(f"{lookup}/v1/admin/items/venue/{PLACE['id']}", headers=ADMIN)
        assert removed.status_code in (200, 204), removed.text


def test_a_name_the_model_never_saw_called_out_of_scope_is_answered_from_the_knowledge(
    stack: Stack,
) -> None:
    """The model calls the message out of scope (it knows no Quillmarsh); action_out_of_scope
    searches before saying so, and a question that is out of scope still gets that answer."""
    lookup = stack.url("lookup")
    created = httpx.post(f"{lookup}/v1/admin/items/venue", json=PLACE, headers=ADMIN)
    assert created.status_code == 201, created.text
    try:
        question = f"tell me about {PLACE['name']['en']}"
        parsed = httpx.post(stack.rasa_api("/model/parse"), json={"text": question}).json()
        assert parsed["intent"]["name"] == "out_of_scope", parsed["intent"]
        sender = enrolled_sender(stack, "en")
        replies = say(stack, question, sender=sender)
        assert any(PLACE["directions"]["en"] in reply for reply in replies), replies
        assert say(stack, "tell me a joke", sender=sender) == [
            response_text("utter_out_of_scope", "en")
        ]
    finally:
        removed = httpx.delete(f"{lookup}/v1/admin/items/venue/{PLACE['id']}", headers=ADMIN)
        assert removed.status_code in (200, 204), removed.text
