"""The whole assistant over HTTP: Rasa → action server → lookup service → SQLite, and back."""

from __future__ import annotations

import itertools
import re
from typing import Any

import httpx
import pytest
import yaml

from tests.packs import ROOT, SAMPLE_PACK, read_pack, topic_text
from tools.stack import Stack

SAMPLE = read_pack(SAMPLE_PACK)
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
ARABIC = re.compile(r"[\u0600-\u06FF]")

# Phrasings that are not in the training data.
QUESTIONS = {
    ("meals", "en"): "what time do they serve dinner here?",
    ("meals", "fr"): "c'est quand le petit-déjeuner le matin ?",
    ("meals", "ar"): "متى يفتح المطعم للعشاء؟",
    ("prayer_facilities", "en"): "is there somewhere on base I can do my prayers?",
    ("prayer_facilities", "fr"): "y a-t-il un endroit pour faire la prière sur le camp ?",
    ("prayer_facilities", "ar"): "هل يوجد مكان للصلاة داخل المعسكر؟",
    ("emergency_contacts", "en"): "someone collapsed, which number do I call?",
    ("emergency_contacts", "fr"): "un collègue s'est blessé, quel numéro appeler ?",
    ("emergency_contacts", "ar"): "زميلي مريض جدا بمن أتصل؟",
}
_senders = itertools.count()


def say(stack: Stack, message: str, sender: str | None = None) -> list[str]:
    response = httpx.post(
        f"{stack.url('rasa')}/webhooks/rest/webhook",
        json={"sender": sender or f"visitor-{next(_senders)}", "message": message},
        timeout=30,
    )
    response.raise_for_status()
    return [reply["text"] for reply in response.json() if "text" in reply]


def response_text(name: str, lang: str) -> str:
    """The domain's variation of a response for a language (English is the default)."""
    variations: list[dict[str, Any]] = DOMAIN["responses"][name]
    for variation in variations:
        if any(c["value"] == lang for c in variation.get("condition", [])):
            return variation["text"]
    return next(v["text"] for v in variations if "condition" not in v)


def assert_in_language(texts: list[str], lang: str) -> None:
    joined = " ".join(texts)
    assert bool(ARABIC.search(joined)) == (lang == "ar"), joined


def test_lookup_health_reports_database_up(stack: Stack) -> None:
    health = httpx.get(f"{stack.url('lookup')}/health").json()
    assert health == {"status": "ok", "database": "ok", "exercise": SAMPLE["exercise"]["id"]}


@pytest.mark.parametrize("topic,lang", sorted(QUESTIONS))
def test_question_is_answered_with_the_exercise_fact_in_the_askers_language(
    stack: Stack, topic: str, lang: str
) -> None:
    replies = say(stack, QUESTIONS[(topic, lang)])
    assert replies == topic_text(SAMPLE, topic, lang)
    assert_in_language(replies, lang)


def test_language_slot_carries_a_message_too_short_to_tell(stack: Stack) -> None:
    say(stack, "bonjour, je suis arrivé hier soir", sender="short-fr")
    replies = say(stack, "halal ?", sender="short-fr")
    assert replies == topic_text(SAMPLE, "meals", "fr")
    tracker = httpx.get(stack.rasa_api("/conversations/short-fr/tracker")).json()
    assert tracker["slots"]["language"] == "fr"


@pytest.mark.parametrize(
    "lang,greeting", [("ar", "السلام عليكم"), ("fr", "bonsoir"), ("en", "good evening")]
)
def test_greeting_is_answered_in_kind(stack: Stack, lang: str, greeting: str) -> None:
    assert say(stack, greeting) == [response_text("utter_greet", lang)]


# Must stay last in this module: it stops the lookup service.
def test_lookup_down_gives_an_apology_and_the_conversation_goes_on(stack: Stack) -> None:
    stack.stop("lookup")
    for (topic, lang), question in sorted(QUESTIONS.items()):
        if topic != "meals":
            continue
        sender = f"outage-{lang}"
        assert say(stack, question, sender=sender) == [
            response_text("utter_lookup_unavailable", lang)
        ]
        goodbye = {
            "ar": "مع السلامة",
            "en": "bye, thanks for the help",
            "fr": "au revoir et merci",
        }[lang]
        assert say(stack, goodbye, sender=sender) == [response_text("utter_goodbye", lang)]
