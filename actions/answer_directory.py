"""Who to contact, and the exercise at a glance."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import incomplete, rendering
from actions.answer_found import (
    NAMED_COVERAGE,
    NAMED_SCORE,
    TIES_AT_MOST,
    TIME_WORDS,
    WHOLE_SCORE,
    asks_where_or_when,
    confident,
    message_hits,
    say_contact,
    say_contact_hours,
    say_item,
    search_message,
    tied_best,
)
from actions.base import LookupAction, say_freshness, user_text
from actions.lookup_client import LookupClient, NoAnswer
from actions.not_translated import say_not_translated
from actions.notes import DOMAIN as VISITOR_DOMAIN
from common.asking import LEAD_WORDS, asks_who_leads, says_mine
from common.i18n import N_, translator
from common.languages import LANGUAGES
from common.textnorm import words

# Words that ask how to reach someone, folded: a title and a name the exercise lacks beside one
# of them is a person asked for ("Captain Dubois's phone"), not a grade.
REACH_WORDS = frozenset(
    words(
        "phone telephone number call ring dial reach contact email mail radio "
        "numero joindre joignable appeler contacter courriel "
        # the verbs as one writes them asking ("comment je contacte", "j'appelle qui",
        # "contactez", "calling", "كيف نتصل")
        "contacting calling contacte contactes contactez appelle appelles appelez "
        "رقم هاتف جوال موبايل اتصل اتصال تواصل بريد نتصل اتواصل نتواصل "
        "فون نمبر رابطہ کال ای میل"
    )
)

# Words asking who someone is ("who heads the medical cell", "مين رئيس الخلية الطبية", "میڈیکل
# سیل کا سربراہ کون ہے"), folded: under any topic, a role or name they ask about is a contact's
# card, when the search finds one confidently (not the topic's text about the service). Not
# French "qui", a relative pronoun as often ("le bus qui part"), nor Arabic "من" (from).
WHO_WORDS = frozenset(words("who whom مين کون"))
# Urdu's رابطہ is contact (a REACH word) and, before a team, an officer, a cell, a desk or an
# office, liaison: "رابطہ ٹیم سے بات کرنی ہو", the liaison team, names whom to reach and stays in
# the contacts' search (lookup/synonyms.py gives it liaison's other words).
_LIAISON_WORDS = frozenset(words("رابطہ"))
_UNIT_WORDS = frozenset(words("ٹیم افسر افسران سیل ڈیسک دفتر آفس"))


def names_a_unit(token: str, after: str) -> bool:
    """Whether `token` is liaison before the unit `after` names ("رابطہ ٹیم"), not contact."""
    return bool(set(words(token)) & _LIAISON_WORDS and set(words(after)) & _UNIT_WORDS)


def asks_who(text: str) -> bool:
    """Whether the message asks who someone is (WHO_WORDS)."""
    return any(word in WHO_WORDS for word in words(text))


# Words that ask where a contact sits (the office, the room, which the pack also keeps in its
# `hours` text; Roman Urdu "kis kamre mein"). Kept in the search. Not "desk", "bureau",
# "مكتب": words of contacts' names ("Liaison desk", "Bureau de liaison", "مكتب الارتباط"), so a
# topic's question naming the desk tent stays the topic's.
PLACE_WORDS = frozenset(words("office room salle غرفة دفتر کمرہ کمرے آفس kamra kamre kamrey"))
# Where the contacts answer already answers (every contact, or a nation's), those words ask for
# the offices too ("la cellule de liaison, c'est quel bureau", "وين مكتب خلية الارتباط").
DESK_WORDS = frozenset(words("desk bureau bureaux مكتب المكتب مكاتب ڈیسک"))


def asks_for_office(text: str) -> bool:
    """Whether the message asks where someone sits (an office, a room: PLACE_WORDS). Time words
    alone are not enough: "at what time is dinner" is a topic's question."""
    return bool(PLACE_WORDS & set(words(text)))


def named_only(score: float, coverage: float) -> bool:
    """Whether a hit names its item by name (a person's name, not words of a role's text) and
    accounts for at least half of the message: enough to take a question about someone's
    office, asked under another topic, for that person."""
    return score >= NAMED_SCORE and coverage >= NAMED_COVERAGE


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
    """Whether the message asks how to reach someone (a phone, a number, رابطہ...). A word of two
    letters is no sign (as in `named_contacts`): Urdu's "ای میل" gives REACH_WORDS the Arabic
    "أي" (which), and "أي مستوى بالناتو" (which NATO level) asked for no one."""
    return any(word in REACH_WORDS for word in words(text) if len(word) > 2)


# Words saying whose side a grade is on ("the captain ours", "النقيب عندنا", "le capitaine chez
# nous", "ہمارے کیپٹن"): after a grade's title they compare grades, they name no one.
OWN_SIDE_WORDS = frozenset(
    words(
        "our ours us we home here mine my your yours their theirs "
        "chez nous notre nos ici vous votre vos eux "
        "عندنا لدينا تبعنا متاعنا ديالنا بتاعنا حقنا عندكم لديكم تبعكم عندهم لديهم هنا عندي "
        "ہمارے ہمارا ہماری ہمارى یہاں آپ کے ان "
        "hamare hamara hamari humare yahan apke aapke unke"
    )
)


# Where a message's sentences end: a question and what prompted it ("how do I reach the duty
# desk? my room's heating is broken and nobody answers") are two.
_SENTENCE_END = re.compile(r"[?!.؟\n]+(?:\s|$)")


def sentences(text: str) -> list[str]:
    """The message's sentences, stripped, empty ones left out."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


async def named_contacts(
    client: LookupClient,
    text: str,
    lang: str,
    accept: Callable[[float, float], bool] = confident,
) -> list[dict[str, Any]]:
    """The contacts the whole message names (contacts_named_in); else, for a message of several
    sentences, those the sentence asking how to reach someone or who someone is names alone:
    the reason given beside the question ("... my room's heating is broken and nobody
    answers") weighed against the person asked for as words they lack. A message asking who
    leads a service (asks_who_leads) asks for a person: the contact whose role names it is
    taken on a fair match (led_by)."""
    if accept is confident and asks_who_leads(text):
        accept = led_by
    found = await contacts_named_in(client, text, lang, accept)
    if found:
        return found
    parts = sentences(text)
    if len(parts) < 2:
        return []
    for sentence in parts:
        # A word of two letters is no sign here either (as in `asks_to_reach`).
        asked = {word for word in words(sentence) if len(word) > 2}
        if asks_to_reach(sentence) or asked & WHO_WORDS:
            found = await contacts_named_in(client, sentence, lang, accept)
            if found:
                return found
    return []


async def contacts_named_in(
    client: LookupClient,
    text: str,
    lang: str,
    accept: Callable[[float, float], bool] = confident,
) -> list[dict[str, Any]]:
    """The contacts the message names by name or role ("Captain Girard's phone", "how do I
    reach the medical officer"), searched among contacts and ranks together so that a rank
    title alone ("what is a captain?") stays a rank; none when unsure. A message that names a
    nation of the exercise gets that nation's contact among the candidates ("the liaison
    officer for the Valmère contingent": Girard, not the duty liaison officer whose name says
    "liaison officer" and whose role mentions every contingent)."""
    # The words asking how or when to reach someone ("phone", "رقم", "hours") name a contact's
    # fields, which are not texts the search reads: left out, they do not count against the
    # person named.
    # Nor do the words asking who leads ("runs", "in charge", "يدير", "چلاتا"): "who runs the
    # medical cell and how can I call them" left the medical cell's head under half of it.
    left_out = REACH_WORDS | TIME_WORDS | LEAD_WORDS
    tokens = text.split()
    asked = " ".join(
        t
        for t, after in zip(tokens, [*tokens[1:], ""], strict=True)
        if not set(words(t)) <= left_out or not words(t) or names_a_unit(t, after)
    )
    hits = await message_hits(client, asked, lang, ["contact", "rank"])
    found = tied_best(hits, accept)
    # A grade's title best named ("a Valmère capitaine in the Nahran army") is the rank's
    # question, whatever nation it names: not that nation's liaison officer, a captain.
    if not any(item["kind"] == "contact" for item in found):
        return []
    contacts = [hit for hit in hits if hit["item"]["kind"] == "contact"]
    # Only a choice between contacts needs the nations (one more request).
    nation = await nation_words_named(client, text, lang) if len(contacts) > 1 else set()
    theirs = [hit for hit in contacts if nation & set(words(_contact_text(hit["item"])))]
    if theirs:
        return [hit["item"] for hit in theirs if hit["score"] == theirs[0]["score"]][:TIES_AT_MOST]
    return [item for item in found if item["kind"] == "contact"]


# A contact found for a message asking who leads a service (asks_who_leads) needs a fair match of
# its role or name (the WHOLE relevance) and this share of the message: "who runs the medical cell
# and how can I call them" (0.5, 0.47), "مين مسؤول الخلية الطبية وكيف بتصل فيه" (0.5, 0.55),
# whose pronouns and verbs no contact's text has, got the medical topic's text; Darija's "شكون
# اللي كيسير الخلية الطبية وشنو الرقم ديالو" leaves it 0.31 of the message.
LED_COVERAGE = 0.25


def led_by(score: float, coverage: float) -> bool:
    """Whether a contact hit may answer a message asking who leads a service: confidently
    found, or a fair match (WHOLE_SCORE) of at least LED_COVERAGE of the message."""
    return confident(score, coverage) or (score >= WHOLE_SCORE and coverage >= LED_COVERAGE)


def _contact_text(contact: dict[str, Any]) -> str:
    fields = contact["fields"]
    return f"{fields.get('name') or ''} {fields.get('role') or ''}"


def distinctive_nation_words(nations: list[dict[str, Any]]) -> list[tuple[Any, set[str]]]:
    """Each nation's code and the words of its name (longer than two letters) that no other
    nation's name has ("valmere" of "Republic of Valmère", not "of" or a word all names share)."""
    names = [set(w for w in words(n.get("name") or "") if len(w) > 2) for n in nations]
    return [
        (nation.get("code"), name - set().union(*(o for i, o in enumerate(names) if i != at)))
        for at, (nation, name) in enumerate(zip(nations, names, strict=True))
    ]


# A word made from a nation's name (its people, its adjective) adds at most this many letters to
# the name's word, or to it without its final e ("valmere": "Valmerians", "Valmériens").
_DEMONYM_ENDING = 4
# A name's word shorter than this is matched whole only: Urdu's "والمیر" folds to "میر", whose
# longer words are "my" ("میری", "میرا"), not Valmère's people.
_DEMONYM_STEM = 4


def nation_words_said(theirs: set[str], asked: set[str]) -> set[str]:
    """The words of a nation's name (`theirs`, folded) that the message's words (`asked`) say,
    whole or as a word made from it: its people or its adjective ("the Valmerians' liaison
    officer", "des Valmériens", "valmérien", "Northmarkers", "الفالميريين", "النورثماركي"),
    which the name's word alone missed: "c'est qui l'officier de liaison des Valmériens" got
    the duty liaison officer, not Valmère's own (issue 20)."""
    # Arabic "فالمير" folds to "مير" (its "فال" read as a prefix), and "الفالميريين" to
    # "فالميريين": folded once more, a word whose prefix is the name's own letters says a short
    # name too (Urdu's "میری" has none).
    forms = [(word, False) for word in asked] + [
        (again[0], True) for word in asked if (again := words(word)) and again[0] != word
    ]
    said = set()
    for name in theirs:
        stems = {name} | ({name[:-1]} if len(name) > _DEMONYM_STEM and name[-1] == "e" else set())
        if name in asked or any(
            (prefixed or len(name) >= _DEMONYM_STEM)
            and form.startswith(stem)
            and 0 < len(form) - len(stem) <= _DEMONYM_ENDING
            for form, prefixed in forms
            for stem in stems
        ):
            said.add(name)
    return said


async def nation_words_named(client: LookupClient, text: str, lang: str) -> set[str]:
    """The words of the message that name one of the exercise's nations in this language
    (distinctive_nation_words), as the name's words (nation_words_said: a word made from the
    name counts); none when no nation is named."""
    nations = (await client.exercise(lang))["fields"].get("nations", [])
    asked = set(words(text))
    return set().union(
        *(nation_words_said(theirs, asked) for _, theirs in distinctive_nation_words(nations))
    )


# Words asking for one's liaison officer or contact ("my liaison officer", "notre contact", "ضابط
# الارتباط تبعي", "میرا لائزن افسر"), folded: with MY_WORDS (common/asking.py), the officer of the
# visitor's own contingent.
OWN_CONTACT_WORDS = frozenset(
    words(
        "liaison officer lo contact contacts poc officier interlocuteur correspondant "
        "ارتباط ارتباطي ارتباطنا ضابط ضابطي ضابطنا مسؤول "
        "لائزن لیزون افسر رابطہ"
    )
)
# Words of a contact's name or role that make them a liaison officer (or the liaison cell's).
LIAISON_WORDS = frozenset(words("liaison ارتباط لائزن لیزون"))


def asks_for_own_contact(text: str) -> bool:
    """Whether the message asks for the visitor's own liaison officer or contact ("who is my
    liaison officer", "c'est qui mon officier de liaison", "مين ضابط الارتباط تبعي")."""
    return says_mine(text) and bool(OWN_CONTACT_WORDS & set(words(text)))


async def own_liaison_officers(client: LookupClient, text: str, lang: str) -> list[dict[str, Any]]:
    """The liaison officers of the asking visitor's own contingent, when the message asks for
    "my"/"our" liaison officer or contact and names no nation: the contacts whose name or role
    says liaison and names the visitor's nation (distinctive_nation_words: its words
    no other nation's name has). None for a visitor not enrolled (what they get stays as
    today), or when the pack lists no such officer."""
    if not asks_for_own_contact(text):
        return []
    nations = (await client.exercise(lang))["fields"].get("nations", [])
    distinctive = distinctive_nation_words(nations)
    asked = set(words(text))
    if any(nation_words_said(words_of, asked) for _, words_of in distinctive):
        return []
    nation = await client.own_nation()
    if nation is None:
        return []
    theirs = set().union(*(words_of for code, words_of in distinctive if code == nation))
    if not theirs:
        return []
    contacts = await client.items("contact", lang)
    # "I'm with the Valmère contingent, what's Captain Girard's number, our liaison officer": the
    # person the message names by name is the one asked for, whoever the visitor's own is.
    if named_by_name(contacts, text):
        return []
    return [
        contact
        for contact in contacts
        if (found := set(words(_contact_text(contact)))) & theirs and found & LIAISON_WORDS
    ]


def named_by_name(contacts: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """The contacts the message names by a word of their own name that no other contact's name
    has and no contact's role uses ("Girard" of "Capitaine M. Girard"; not "Capitaine", nor the
    "liaison officer" of the duty liaison officer's name, which roles use too)."""
    names = [
        {w for w in words(c["fields"].get("name") or "") if len(w) > 2} - OWN_CONTACT_WORDS
        for c in contacts
    ]
    roles = set().union(*(words(c["fields"].get("role") or "") for c in contacts))
    asked = set(words(text))
    return [
        contact
        for at, (contact, name) in enumerate(zip(contacts, names, strict=True))
        if (name - roles - set().union(*(o for i, o in enumerate(names) if i != at))) & asked
    ]


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
            if not token_words or not set(token_words) <= unknown - OWN_SIDE_WORDS:
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
    client: LookupClient,
    dispatcher: CollectingDispatcher,
    text: str,
    lang: str,
    accept: Callable[[float, float], bool] = confident,
) -> bool:
    """Say the contacts the message names (named_contacts) and how old their facts are; whether
    it named any. The contacts, rank and emergency answers all start here."""
    people = await named_contacts(client, text, lang, accept)
    for person in people:
        say_contact(dispatcher, person, lang)
        say_contact_hours(dispatcher, person)
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
        # "Who is my liaison officer": the visitor's own contingent's, when they are enrolled.
        own = await own_liaison_officers(self.client, text, lang)
        for person in own:
            say_contact(dispatcher, person, lang)
            say_contact_hours(dispatcher, person)
        if own:
            say_freshness(dispatcher, own, lang)
            return
        if await say_named_contacts(self.client, dispatcher, text, lang):
            return
        if await say_absent_person(self.client, dispatcher, text, lang):
            return
        # "What's the medic line's number", taken for the contacts: the emergency text the
        # message names, not every contact (whose numbers are not the one asked for).
        others = await search_message(self.client, text, lang)
        if others and not any(item["kind"] == "contact" for item in others):
            for item in others:
                await say_item(self.client, dispatcher, item, lang)
            say_freshness(dispatcher, others, lang)
            return
        contacts = await self.client.items("contact", lang)
        if not contacts:
            raise NoAnswer("no contacts")
        # "Who is the Northmark liaison officer, and which room is his office in": no one named
        # confidently, but a nation named says whose contacts (those whose name or role names
        # it), and a question about an office gets their offices (their `hours` text) too.
        # A person the search was unsure of but whom the message names by name is the answer.
        by_name = named_by_name(contacts, text)
        theirs = by_name
        if not theirs:
            nation = await nation_words_named(self.client, text, lang)
            theirs = [c for c in contacts if nation & set(words(_contact_text(c)))]
        # "The liaison cell, which office is it": a desk or bureau asked for is an office too.
        # So does a question asking where they sit or when they can be seen ("where can I find
        # the head of the liaison cell": the phone alone does not say it).
        office = (
            asks_for_office(text) or bool(DESK_WORDS & set(words(text))) or asks_where_or_when(text)
        )
        for contact in theirs or contacts:
            say_contact(dispatcher, contact, lang)
            if office or contact in by_name:
                say_contact_hours(dispatcher, contact)
        say_freshness(dispatcher, theirs or contacts, lang)


# Words that ask what to wear, folded: a question about the whole exercise that has one asks
# about its dress ("quels codes vestimentaires sont prévus", "what uniform for the exercise").
DRESS_WORDS = frozenset(
    words(
        "dress uniform uniforms wear wearing vestimentaire vestimentaires tenue tenues uniforme "
        "uniformes porter زي الزي ازياء لباس اللباس ملابس البس نلبس "
        "ڈریس یونیفارم وردی پہننا پہنیں پہنوں"
    )
)


def asks_about_dress(text: str) -> bool:
    """Whether the message asks what to wear (DRESS_WORDS)."""
    return bool(DRESS_WORDS & set(words(text)))


class ActionAnswerExercise(LookupAction):
    def name(self) -> str:
        return "action_answer_exercise"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        if await say_host_nation(self.client, dispatcher, user_text(tracker), lang):
            return
        # "Which dress codes are there on this exercise", read as the overview: the dress
        # answer (the one asked about, else the guidance, else every dress code).
        if asks_about_dress(user_text(tracker)):
            from actions.answer_search import ActionAnswerDress  # it imports this module

            await ActionAnswerDress(self.client).answer(dispatcher, tracker, lang)
            return
        exercise = await self.client.exercise(lang)
        fields = exercise["fields"]
        if not fields.get("name"):  # its dates, then the languages that have its texts
            say_not_translated(dispatcher, exercise, lang)
            return
        phases = [p["name"] or p["id"] for p in fields.get("phases", [])]
        dispatcher.utter_message(
            response="utter_exercise_overview"
            if phases
            else "utter_exercise_overview_without_phases",
            name=fields.get("name") or "",
            start=rendering.full_date(date.fromisoformat(fields["start_date"]), lang),
            end=rendering.full_date(date.fromisoformat(fields["end_date"]), lang),
            summary=fields.get("summary") or "",
            nations=rendering.and_list((n["name"] or n["code"] for n in fields["nations"]), lang),
            phases=rendering.and_list(phases, lang),
        )
        text = user_text(tracker)
        named = phases_named(fields, text) or await self.phases_named_in_other_script(
            fields, text, lang
        )
        for phase in named:  # "when does <phase> start and end": its first and last day
            days = " – ".join(
                rendering.day(date.fromisoformat(phase[key]), lang)
                for key in ("start_date", "end_date")
                if phase.get(key)
            )
            dispatcher.utter_message(text=say_phase(phase, lang, days))
        for phase in phases_asked_about(fields, text):
            if phase not in named:
                dispatcher.utter_message(text=say_phase(phase, lang))

    async def phases_named_in_other_script(
        self, fields: dict[str, Any], text: str, lang: str
    ) -> list[dict[str, Any]]:
        """The phases (as `fields` has them) the message names in another language written in
        another script: visitors write a phase's English name within Urdu or Arabic ("<phase>
        والا مرحلہ کب ختم ہوگا"), which its name in the reply language does not match. Other
        languages are asked for only when the message has a word in a script the reply language
        does not write."""
        if not in_another_script(text, lang):
            return []
        meant: set[str] = set()
        for other in LANGUAGES:
            if other != lang:
                theirs = (await self.client.exercise(other))["fields"]
                meant.update(str(phase.get("id")) for phase in phases_named(theirs, text))
        return [phase for phase in fields.get("phases", []) if phase.get("id") in meant]


def in_another_script(text: str, lang: str) -> bool:
    """Whether the message has a word of letters in a script `lang` does not write: Latin
    letters in Arabic or Urdu, Arabic script in English or French."""
    arabic_script = lang in ARABIC_SCRIPT_LANGUAGES
    return any(
        word.isalpha() and (_ARABIC_LETTER.search(word) is not None) != arabic_script
        for word in words(text)
    )


ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "ur"})
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def say_phase(phase: dict[str, Any], lang: str, days: str = "") -> str:
    """'<phase>: <days>. <description>' with the language's colon and full stop (the visitor
    catalog's, through actions/incomplete.py): French spaces its colon, Urdu ends with ۔."""
    details = " ".join(
        part for part in (incomplete.sentence(days, lang), phase.get("description") or "") if part
    )
    return incomplete.named(phase.get("name") or "", details, lang)


def phases_named(exercise: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """The phases the message names: every word of the phase's name longer than three letters
    is in the message ("when does the combined training phase finish"), which the overview,
    giving the phases' names without their days, did not answer."""
    asked = set(words(text))
    named = []
    for phase in exercise.get("phases", []):
        name = {w for w in words(phase.get("name") or "") if len(w) > 3}
        if name and name <= asked:
            named.append(phase)
    return named


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
