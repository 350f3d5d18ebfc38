"""Who to contact, and the exercise at a glance."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.answer_found import say_contact, search_message
from actions.base import LookupAction, say_freshness, user_text
from actions.lookup_client import LookupClient, NoAnswer
from actions.notes import DOMAIN as VISITOR_DOMAIN
from common.i18n import N_, translator
from common.textnorm import words

# Words that ask how to reach someone, folded: a title and a name the exercise lacks beside one
# of them is a person asked for ("Captain Dubois's phone"), not a grade.
REACH_WORDS = frozenset(
    words(
        "phone telephone number call reach contact email mail radio "
        "numero joindre appeler contacter courriel "
        "رقم هاتف جوال موبايل اتصل اتصال تواصل بريد "
        "فون نمبر رابطہ کال ای میل"
    )
)


# Words that ask which nation hosts the exercise, folded ("who is the host nation", "pays hôte",
# "الدولة المضيفة", "میزبان ملک"): answered from the exercise's nations whose role is host.
HOST_WORDS = frozenset(
    words(
        "host hosts hosting hosted hote hotes accueille accueillant "
        "مضيف مضيفة المضيف المضيفة مستضيف المستضيفة تستضيف يستضيف استضافة "
        "میزبان میزبانی"
    )
)
_HOST_NATION = N_("The host nation is {nations}.")


def asks_for_host(text: str) -> bool:
    """Whether the message asks which nation hosts the exercise (HOST_WORDS)."""
    return bool(HOST_WORDS & set(words(text)))


async def say_host_nation(
    client: LookupClient, dispatcher: CollectingDispatcher, text: str, lang: str
) -> bool:
    """Say the host nation(s) when the message asks for it; whether it was said (not when the
    exercise names no host, or not in this language: the caller's answer then stands)."""
    if not asks_for_host(text):
        return False
    fields = (await client.exercise(lang))["fields"]
    hosts = [
        n["name"] for n in fields.get("nations", []) if n.get("role") == "host" and n.get("name")
    ]
    if not hosts:
        return False
    nations = rendering.and_list(hosts, lang)
    dispatcher.utter_message(
        text=translator(lang, VISITOR_DOMAIN).gettext(_HOST_NATION).format(nations=nations)
    )
    return True


def asks_to_reach(text: str) -> bool:
    """Whether the message asks how to reach someone (a phone, a number, رابطہ...)."""
    return any(word in REACH_WORDS for word in words(text))


async def named_contacts(client: LookupClient, text: str, lang: str) -> list[dict[str, Any]]:
    """The contacts the message names by name or role ("Captain Girard's phone", "how do I
    reach the medical officer"), searched among contacts and ranks together so that a rank
    title alone ("what is a captain?") stays a rank; none when unsure."""
    # The words asking how to reach someone ("phone", "رقم") name a contact's fields, which are
    # not texts the search reads: left out, they do not count against the person named.
    asked = " ".join(t for t in text.split() if not set(words(t)) <= REACH_WORDS or not words(t))
    found = await search_message(client, asked, lang, ["contact", "rank"])
    return [item for item in found if item["kind"] == "contact"]


_NO_CONTACT = N_(
    "I have no contact for {name} in this exercise; the liaison team can put you in touch."
)
_TRIM = "?!.,;:؟،؛\"'«»“”"


async def absent_person(client: LookupClient, text: str, lang: str) -> str | None:
    """The person the message asks to reach by title and name ("Captain Dubois", "النقيب دوبوا")
    when the exercise has no one by that name: a grade's title followed by words that match
    nothing among contacts and ranks (the service says which), as typed; None otherwise."""
    if not asks_to_reach(text):
        return None
    tokens = text.split()
    folded = [[w for w in words(token) if len(w) > 1] for token in tokens]
    hits, unmatched = await client.search_explained(
        text, lang, ["contact", "rank"], 5, count_withheld=False
    )
    unknown = set(unmatched) - REACH_WORDS
    titles = {
        w
        for hit in hits
        if hit["item"]["kind"] == "rank"
        for nation_titles in hit["item"]["fields"].get("titles", {}).values()
        for title in nation_titles
        if title
        for w in words(title)
    }
    for at, title_words in enumerate(folded):
        if not title_words or not set(title_words) <= titles:
            continue
        name = []
        for token, token_words in zip(tokens[at + 1 :], folded[at + 1 :], strict=True):
            if not token_words or not set(token_words) <= unknown:
                break
            name.append(token)
        if name:
            said = " ".join([tokens[at], *name]).strip(_TRIM)
            return re.sub(r"['’]s$", "", said)
    return None


async def say_absent_person(
    client: LookupClient, dispatcher: CollectingDispatcher, text: str, lang: str
) -> bool:
    """Say that the exercise has no contact for the person asked about, if that is the case."""
    person = await absent_person(client, text, lang)
    if person is None:
        return False
    dispatcher.utter_message(
        text=translator(lang, VISITOR_DOMAIN).gettext(_NO_CONTACT).format(name=person)
    )
    return True


async def say_named_contacts(
    client: LookupClient, dispatcher: CollectingDispatcher, text: str, lang: str
) -> bool:
    """Say the contacts the message names (named_contacts) and how old their facts are; whether
    it named any. The contacts, rank and emergency answers all start here."""
    people = await named_contacts(client, text, lang)
    for person in people:
        say_contact(dispatcher, person, lang)
    if people:
        say_freshness(dispatcher, people, lang)
    return bool(people)


class ActionAnswerContacts(LookupAction):
    """The contact the question names; that there is none for a person named whom the exercise
    lacks; else every contact."""

    def name(self) -> str:
        return "action_answer_contacts"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        text = user_text(tracker)
        # "Who is the host nation?" read as a contacts question: the nation, unless the message
        # asks how to reach someone (the host's liaison officer's phone).
        if not asks_to_reach(text) and await say_host_nation(self.client, dispatcher, text, lang):
            return
        if await say_named_contacts(self.client, dispatcher, text, lang):
            return
        if await say_absent_person(self.client, dispatcher, text, lang):
            return
        contacts = await self.client.items("contact", lang)
        if not contacts:
            raise NoAnswer("no contacts")
        for contact in contacts:
            say_contact(dispatcher, contact, lang)
        say_freshness(dispatcher, contacts, lang)


class ActionAnswerExercise(LookupAction):
    def name(self) -> str:
        return "action_answer_exercise"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        if await say_host_nation(self.client, dispatcher, user_text(tracker), lang):
            return
        fields = (await self.client.exercise(lang))["fields"]
        dispatcher.utter_message(
            response="utter_exercise_overview",
            name=fields.get("name") or "",
            start=rendering.full_date(date.fromisoformat(fields["start_date"]), lang),
            end=rendering.full_date(date.fromisoformat(fields["end_date"]), lang),
            summary=fields.get("summary") or "",
            nations=rendering.and_list((n["name"] or n["code"] for n in fields["nations"]), lang),
            phases=rendering.and_list(
                (p["name"] or p["id"] for p in fields.get("phases", [])), lang
            ),
        )
        for phase in phases_asked_about(fields, user_text(tracker)):
            dispatcher.utter_message(text=f"{phase['name']}: {phase['description']}")


def phases_asked_about(exercise: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """The phases whose description has a word of the message that the overview does not say
    (name, summary, phase names): "مشق میں آرام کا دن کون سا ہے" asks what one phase's text
    says (its rest day), which the overview, giving the phases' names only, left out."""
    said = " ".join(
        [exercise.get("name") or "", exercise.get("summary") or ""]
        + [p.get("name") or "" for p in exercise.get("phases", [])]
    )
    asked = {w for w in words(text) if len(w) > 2} - set(words(said))
    return [
        phase
        for phase in exercise.get("phases", [])
        if phase.get("name")
        and phase.get("description")
        and asked & set(words(phase["description"]))
    ]
