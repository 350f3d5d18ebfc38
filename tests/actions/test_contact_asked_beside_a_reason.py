"""Issue 20, by kind: a message that asks how to reach someone in one sentence and says why in
another ("how do I reach the duty officer? the shower in my block is broken and no one picks
up") got the topic's text, or nothing: the reason's words, which the person lacks, left the
person under the share of the message a confident answer needs, and French's "je contacte",
"appelez" were no words of reaching. Now the sentence that asks is searched alone when the whole
message names no one, and the verbs count as one writes them. The search is scripted: a contact
covers a short question, not the long message."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from actions.answer_directory import asks_to_reach
from actions.answer_topic import ActionAnswerTopic
from common.textnorm import words
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import SAMPLE_PACK, read_pack

SAMPLE = json.loads(json.dumps(read_pack(SAMPLE_PACK), default=lambda value: value.isoformat()))
DUTY = next(c for c in SAMPLE["contacts"] if c["id"] == "duty-liaison-officer")


def answer(text: str, lang: str) -> Any:
    fake = FakeLookup(SAMPLE)
    fake.search_hits = [("contact", "duty-liaison-officer")]

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/search":
            short = len(words(request.url.params.get("q", ""))) <= 8
            fake.search_figures[("contact", "duty-liaison-officer")] = (
                (1.2, 1.0) if short else (1.2, 0.25)
            )
        return fake.handle(request)

    return run(ActionAnswerTopic, handle, language=lang, intent="ask_lodging", text=text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Comment je contacte l'officier de permanence ? La douche de mon bâtiment est "
            "en panne depuis hier soir et personne ne passe",
        ),
        (
            "en",
            "Who do I call for the duty officer? The heating in my room stopped working last "
            "night and nobody at the block answers.",
        ),
        (
            "ar",
            "كيف نتصل بالضابط المناوب؟ المكيف في غرفتي معطل من البارحة وما حد يرد علينا ابدا",
        ),
    ],
)
def test_the_sentence_asking_to_reach_someone_is_searched_alone(lang: str, text: str) -> None:
    dispatcher = answer(text, lang)
    said = [m.get("name") for m in dispatcher.messages if m.get("response") == "utter_contact"]
    assert said == [DUTY["name"][lang]], dispatcher.messages


@pytest.mark.parametrize(
    "text", ["je contacte qui", "appelez le bureau", "calling the desk", "كيف نتصل"]
)
def test_reaching_verbs_as_written(text: str) -> None:
    assert asks_to_reach(text)


def test_a_sentence_asking_which_building_asks_for_no_one() -> None:
    # "أي" (which) is in REACH_WORDS through Urdu's "ای میل": "which building?" is no contact
    dispatcher = answer("وصلت الآن من المطار، وين أسجل اسمي؟ أي مبنى بالضبط؟", "ar")
    assert not [m for m in dispatcher.messages if m.get("response") == "utter_contact"]


def contact_searches(text: str, intent: str = "ask_communications") -> tuple[Any, list[str]]:
    """The answer, and the queries the contacts' search got; the duty liaison officer is found
    only when the query names the liaison team (رابطہ)."""
    fake = FakeLookup(SAMPLE)
    fake.search_hits = [("contact", "duty-liaison-officer")]
    queries: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/search":
            q = request.url.params.get("q", "")
            queries.append(q)
            named = "رابطہ" in q
            fake.search_figures[("contact", "duty-liaison-officer")] = (
                (1.5, 0.6) if named else (0.3, 0.2)
            )
        return fake.handle(request)

    return run(ActionAnswerTopic, handle, language="ur", intent=intent, text=text), queries


@pytest.mark.parametrize(
    "text",
    [
        "رابطہ ٹیم کو فون کرنا ہو تو نمبر کون سا ہے؟",
        "مجھے رابطہ افسر سے بات کرنی ہے، کال کہاں کروں",
    ],
)
def test_urdu_liaison_before_a_team_or_officer_is_whom_to_reach(text: str) -> None:
    # رابطہ is contact (a REACH word, left out of the search) and, before ٹیم or افسر, the
    # liaison team or officer: the one asked for
    dispatcher, queries = contact_searches(text)
    said = [m.get("name") for m in dispatcher.messages if m.get("response") == "utter_contact"]
    assert said == [DUTY["name"]["ur"]], (dispatcher.messages, queries)


def test_urdu_contact_alone_is_still_no_name() -> None:
    _, queries = contact_searches("ایمرجنسی میں کس سے رابطہ کروں؟")
    assert queries and all("رابطہ" not in q for q in queries[:1]), queries
