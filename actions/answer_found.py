"""Answering from what the knowledge holds when the intent alone cannot (issue 20).

The model learns how people ask, on the sample exercise's words; another exercise's names
("Well Square", "field kitchen") it has never seen. So before saying "I didn't understand" or
"I don't have that", the action asks the lookup service's search across the knowledge with the
visitor's whole message and answers from the best item when the match is confident: the
knowledge decides, whatever the pack. So does a question the model called out of scope
(action_out_of_scope). A question the OPSEC guard refused never gets here (its rule answers
it); the service answers for the visitor's tier, as for every read.

Each kind of item is said the way its own action says it (`say_item`), so an event found by
search reads as an event asked about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import dates, incomplete, notes, rendering
from actions.lookup_client import LookupClient
from actions.not_translated import say_not_translated
from actions.position import without_own_position
from common.asking import (
    DETAIL_WORDS,
    PURPOSE_WORDS,
    SAY_WORDS,
    WHAT_IS_WORDS,
    WHAT_WORDS,
    WHEN_WORDS,
    WHERE_WORDS,
    asks_who_attends,
)
from common.textnorm import words

# The kinds a whole message is searched across (phrases, guidelines and forms of address are
# said within their topics' texts).
SEARCH_KINDS = ["event", "venue", "dress_code", "contact", "rank", "topic"]
# Candidates asked of the service; answers give the ones tied for the best, at most this many.
CANDIDATES = 5
TIES_AT_MOST = 3
# When a found item is trusted without an intent to go by, on the service's two figures
# (lookup/search.py): `score` (relevance, names count double, scaled by how much of the item's
# name the words cover: 2 is a name asked for whole) and `coverage` (share of the message, by
# rarity, the item accounts for). Either a name well matched that accounts for at least half
# of the message, or nearly all of the message matched with a fair score. Below, the visitor
# gets the fallback: a wrong item is worse than "I don't have that".
NAMED_SCORE, NAMED_COVERAGE = 0.85, 0.5
WHOLE_SCORE, WHOLE_COVERAGE = 0.45, 0.9
# When a message names an item so plainly that it overrides the topic the intent chose ("Pavillon
# Quillmarsh" read as a flag question, pavillon being a flag in French; "ما هو الحذاء الميداني"
# read as meals): a name asked for whole (score 1.5 and more: the name's words, counting double)
# that accounts for nearly the whole message, and an item that is not itself a topic's text.
STRONG_SCORE, STRONG_COVERAGE = 1.5, 0.9
# Intents that never search: what staff send.
NEVER_SEARCHED = frozenset({"liaison_message", "liaison_handback"})
# A question the classifier leaned to refuse (its rule refuses it when the guard or the model is
# sure; here it is the fallback's runner-up) is answered from the knowledge only when the message
# names one item nearly alone (`plain`): "quels sont les horaires de la place du puits" (2.0,
# 1.0). On the development OPSEC sets no restricted question the guard lets through has such a
# hit on either test pack, while `confident` would give two of them a near item (a contact's card
# for his home address, a range for its tower's frequency): docs/nlu.md.
LEANED_TO_REFUSE = "ask_restricted"


def by_name(score: float, coverage: float) -> bool:
    """Whether a hit names its item by its name's words (the NAMED figures): a description
    sharing the message's words ("where do I report when I arrive at camp", the arrivals'
    briefing) is not enough."""
    return score >= NAMED_SCORE and coverage >= NAMED_COVERAGE


def confident(score: float, coverage: float) -> bool:
    """Whether a hit with these figures may answer a message on its own: named by its name, or
    covering nearly the whole message."""
    return by_name(score, coverage) or (score >= WHOLE_SCORE and coverage >= WHOLE_COVERAGE)


def plain(score: float, coverage: float) -> bool:
    """Whether a hit with these figures names its item whole and nearly alone."""
    return score >= STRONG_SCORE and coverage >= STRONG_COVERAGE


# One action's run searches the whole message once per set of kinds: a topic answer that asks
# whether the message plainly names an item and then, finding no text, whether it names one
# confidently, asks the service once (`searches_of_one_turn`, entered by LookupAction.run).
_TURN_SEARCHES: ContextVar[dict[tuple[str, str, tuple[str, ...]], list[dict[str, Any]]] | None] = (
    ContextVar("turn_searches", default=None)
)


@contextmanager
def searches_of_one_turn() -> Iterator[None]:
    """Within this block, the same message searched for the same kinds asks the service once."""
    token = _TURN_SEARCHES.set({})
    try:
        yield
    finally:
        _TURN_SEARCHES.reset(token)


async def message_hits(
    client: LookupClient, text: str, lang: str, kinds: list[str]
) -> list[dict[str, Any]]:
    """The service's hits for the whole message (none for an empty one or a button's payload,
    which names nothing). Matches held back for the visitor's tier are not counted: unjudged,
    they are no reason to tell this visitor to enrol (the intent's own answer, or the fallback,
    says what it would)."""
    if not text.strip() or text.startswith("/"):
        return []
    # "... I'm standing at tent B": where the visitor is names nothing asked (actions/position.py).
    text = without_own_position(text)
    memo = _TURN_SEARCHES.get()
    key = (text, lang, tuple(kinds))
    if memo is not None and key in memo:
        return memo[key]
    hits = await client.search_hits(text, lang, kinds, CANDIDATES, count_withheld=False)
    if memo is not None:
        memo[key] = hits
    return hits


async def search_message(
    client: LookupClient,
    text: str,
    lang: str,
    kinds: list[str] | None = None,
    accept: Callable[[float, float], bool] = confident,
) -> list[dict[str, Any]]:
    """The items the whole message names, tied for the best, when the best hit's figures pass
    `accept` (none otherwise)."""
    return tied_best(await message_hits(client, text, lang, kinds or SEARCH_KINDS), accept)


def tied_best(
    hits: list[dict[str, Any]], accept: Callable[[float, float], bool] = confident
) -> list[dict[str, Any]]:
    """The items of the hits tied for the best, when the best hit's figures pass `accept`
    (none otherwise)."""
    if not hits or not accept(hits[0]["score"], hits[0].get("coverage", 1.0)):
        return []
    best = hits[0]["score"]
    return [hit["item"] for hit in hits if hit["score"] == best][:TIES_AT_MOST]


async def plainly_named(client: LookupClient, text: str, lang: str) -> list[dict[str, Any]]:
    """The items (not topic texts) the message names whole and nearly alone; none otherwise,
    and none when a topic's text matches as well (the intent's topic then answers)."""
    best = await search_message(client, text, lang, SEARCH_KINDS, accept=plain)
    if any(item["kind"] == "topic" for item in best):
        return []
    return best


async def answer_from_search(
    client: LookupClient,
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    lang: str,
    kinds: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Say the items the message names, if the search is confident; the items said."""
    latest = tracker.latest_message or {}
    guess = guessed_intent(latest)
    if guess in NEVER_SEARCHED or latest.get("opsec_guard"):
        return []
    accept = plain if guess == LEANED_TO_REFUSE else confident
    text = latest.get("text") or ""
    # "until what time is Well Square open on Sunday", "لازم نكون في مواقعنا الساعة كم يوم
    # الافتتاح": the day's words say when, not which item; counted, they leave the place under
    # half of the message, or find a text that mentions some day over the event named. The
    # message without them first, then whole.
    searched = [text]
    if dates.may_name_a_day(text):
        undated = dates.without_day_words(text)
        if undated.split() != text.split():
            searched.insert(0, undated)
    items: list[dict[str, Any]] = []
    if kinds is None and asks_how_to_say(text):  # "how do you say thank you in Arabic"
        items = await search_message(client, text, lang, ["phrase"], accept)
    for message in searched:
        items = items or await search_message(client, message, lang, kinds, accept)
    if not items and asks_details(text) and (kinds is None or "event" in kinds):
        # What only an event's description tells (when to be in position, the bus, what to
        # bring): among the events alone, the places and texts that share the asking words
        # ("place", "heure") do not outweigh the event named ("pour la clôture on doit être en
        # place à quelle heure").
        for message in searched:
            items = items or await search_message(client, message, lang, ["event"], accept)
    for item in items:
        await say_item(client, dispatcher, item, lang, text)
        say_details_asked(dispatcher, item, text, lang)
    note = notes.last_updated(items, lang) if items else None
    if note:  # how old the facts are, as every answer says (actions/base.py say_freshness)
        dispatcher.utter_message(text=note)
    return items


def guessed_intent(latest: dict[str, Any]) -> str | None:
    """The intent the model leaned to, the fallback aside."""
    for ranked in latest.get("intent_ranking") or [latest.get("intent") or {}]:
        if ranked.get("name") not in (None, "nlu_fallback"):
            return str(ranked["name"])
    return None


def asks_how_to_say(text: str) -> bool:
    """Whether the message asks how something is said (SAY_WORDS): the pack's phrases."""
    return bool(SAY_WORDS & set(words(text)))


async def say_phrases_asked(
    client: LookupClient, dispatcher: CollectingDispatcher, text: str, lang: str
) -> list[dict[str, Any]]:
    """When the message asks how something is said and names a phrase of the pack by its
    meaning ("how do you say thank you in Arabic"), say those phrases; the phrases said."""
    if not asks_how_to_say(text):
        return []
    phrases = await search_message(client, text, lang, ["phrase"])
    for phrase in phrases:
        say_phrase(dispatcher, phrase, lang)
    return phrases


def say_phrase(dispatcher: CollectingDispatcher, phrase: dict[str, Any], lang: str) -> None:
    """The phrase as written and as pronounced, then its meaning and note in the visitor's
    language: "شكرا (shukran): Thank you"."""
    fields = phrase["fields"]
    meaning = fields.get("meaning") or ""
    if not meaning:  # its meaning missing in this language: say so (never another's)
        say_not_translated(dispatcher, phrase, phrase.get("lang") or lang)
        return
    written = fields.get("phrase") or ""
    spoken = fields.get("transliteration") or ""
    said = f"{written} ({spoken})" if spoken else written
    dispatcher.utter_message(text=f"{said}: {meaning}")
    if fields.get("note"):
        dispatcher.utter_message(text=fields["note"])


def asks_details(text: str) -> bool:
    """Whether the message asks what only an event's description tells (DETAIL_WORDS), or for
    whom the event is (asks_who_attends: "who is the welcome dinner for")."""
    return bool(DETAIL_WORDS & set(words(text))) or asks_who_attends(text)


def asks_beyond_when_and_where(text: str, event: dict[str, Any]) -> bool:
    """Whether the message asks something the event's description tells and its title, time,
    place and dress do not: a word of DETAIL_WORDS (common/asking.py), or a word of five
    letters or more that the description has and the rest of the answer does not ("is
    interpretation provided at the planning exercise?")."""
    asked = set(words(text))
    if asks_details(text):
        return True
    named = " ".join(
        [
            event["fields"].get("title") or "",
            related_text(event, "venue", "name"),
            related_text(event, "dress", "name"),
        ]
    )
    beyond = {word for word in asked - set(words(named)) - WHEN_WORDS if len(word) >= 5}
    return bool(beyond & set(words(event["fields"].get("description") or "")))


# Words that ask when a contact can be reached, folded: like REACH_WORDS they name a field of
# the contact (its `hours` text), not words the search reads, and are left out of the search.
TIME_WORDS = frozenset(
    words(
        "hours hour time times available availability heure heures horaire horaires disponible "
        "ساعات ساعة وقت اوقات دوام دستیاب"
    )
)


def asks_where_or_when(text: str) -> bool:
    """Whether the message asks where someone is or when they can be reached (common.asking's
    WHERE_WORDS and WHEN_WORDS, with TIME_WORDS): "where can I find the head of the liaison
    cell", "quand est-ce que ... est disponible", "متى يداوم", "کہاں بیٹھتے ہیں". Their `hours`
    text (office and hours) answers them, not the phone alone."""
    return bool((WHERE_WORDS | TIME_WORDS | WHEN_WORDS) & set(words(text)))


def say_contact_hours(dispatcher: CollectingDispatcher, contact: dict[str, Any]) -> None:
    """A person's hours and office, when the pack gives them (its `hours` text, in the visitor's
    language: "Daily 07:00–22:00, Headquarters (Building 1), room 1.05"): the card of someone
    asked for by name answers "which office is Captain Haddad in" and "when can I reach him"."""
    fields = contact["fields"]
    if fields.get("hours"):
        name = fields.get("name")
        dispatcher.utter_message(text=f"{name}: {fields['hours']}" if name else fields["hours"])


# Words asking what to put on (folded, every language): wearing, dress, and what goes on one's
# feet ("je dois mettre quoi aux pieds", "what shoes", "شو ألبس برجليّ", "pairon mein kya").
WEAR_WORDS = frozenset(
    words(
        "wear wearing dress uniform shoes boots footwear feet "
        "porter porte mettre tenue uniforme chaussures chaussure pieds "
        "البس نلبس تلبس ارتدي نرتدي لباس اللباس زي الزي ملابس حذاء الحذاء جزمه رجلي رجليي "
        "پہنوں پہنیں پہننا پہنے پہنی لباس وردی یونیفارم جوتے جوتا پاؤں پیروں "
        "pehnna pehnein pehnun pehnoon pehne pairon joote joota"
    )
)


def _say_dress_asked(dispatcher: CollectingDispatcher, event: dict[str, Any], text: str) -> None:
    """After an event's card, its dress as the dress answer says it (the dress's name and
    description) when the message asks what to wear (WEAR_WORDS): the card names the dress
    ("Tenue : Rangers") as one fact of the event, which tells a visitor asking what to put on
    little, and the dress answer (ActionAnswerDress, utter_event_dress) gives its description
    ("Treillis et rangers."). A question that the model took for the event or a topic gets what
    the dress question would have; one that asks no such thing keeps the card alone."""
    title = event["fields"].get("title") or ""
    dress = related_text(event, "dress", "name")
    description = related_text(event, "dress", "description")
    if title and dress and description and WEAR_WORDS & set(words(text)):
        dispatcher.utter_message(
            response="utter_event_dress", title=title, dress=dress, description=description
        )


def say_details_asked(
    dispatcher: CollectingDispatcher, item: dict[str, Any], text: str, lang: str
) -> None:
    """After an event found by search, its description when the message asks what only that
    tells ("jusqu'à quand s'inscrire pour la visite culturelle", taken for no intent); after a
    place, its purpose when the message asks what it is for (say_purpose_asked); after a
    contact, their office and hours when the message asks where or when. (An event's dress,
    when asked, say_item said with its card.)"""
    if item["kind"] == "venue":
        say_purpose_asked(dispatcher, item, text, lang)
        return
    if item["kind"] == "contact":
        # "میجر لوفیور کے اوقات کیا ہیں", "where does the duty officer sit": the card's phone
        # alone says neither; their office and hours do.
        if asks_where_or_when(text):
            say_contact_hours(dispatcher, item)
        return
    description = item["fields"].get("description") or "" if item["kind"] == "event" else ""
    if description and asks_beyond_when_and_where(text, item):
        dispatcher.utter_message(text=description)


# Levantine and Egyptian Arabic say the present with a "b" before the verb's own prefix ("شو
# بيصير فيها", "بتعمل", "بنسوي"): the verb without it is the one PURPOSE_WORDS lists.
_SPOKEN_PRESENT = ("بي", "بت", "بن")


# More ways of asking what a place is for or what is had there, kept here rather than in
# PURPOSE_WORDS, which the search also reads (common/asking.py ASKING_WORDS): its aim ("شو
# الهدف من"), what is sold there ("شو بيبيعوا فيه", "what do they sell"). (What it is for or used
# for in Levantine, "ساحة البئر لشو", "لأي شي مستخدمة", are PURPOSE_WORDS: the search must not
# count them against the place.)
_PURPOSE_SPOKEN = frozenset(
    words("sell sells selling vend vendent تعملوا تسووا صير بصير هدف الهدف يبيعوا يبيعون تبيع يبيع")
)
# Whole phrases that ask it: English "what is X for" ends on "for"; Urdu asks what happens or
# is had there ("میں کیا ہوتا ہے", "کیا ملتا ہے") or for what work ("کس کام کے لیے", Roman
# "kis kaam").
_PURPOSE_PHRASES = re.compile(
    r"\bwhat(?:'s| is| are)?\b.*\bfor\s*[?!.]*$|\bwhat(?:'s| is)? .+ used\b"
    # what goes on or is done there ("what goes on at Well Square", "what do they do at ..."),
    # and Urdu's for what ("کس لیے", Roman "kis liye")
    r"|\bwhat\b.*\bgoes on\b|\bwhat do (?:they|people|you|we) do\b"
    r"|کیا ہوتا|کیا ملتا|کس کام|کس لیے|کس لئے|kya hota|kya milta|kis kaam|kis liye|kis liay",
    re.IGNORECASE,
)


def asks_purpose(text: str) -> bool:
    """Whether the message asks what something is for (PURPOSE_WORDS, _PURPOSE_SPOKEN,
    _PURPOSE_PHRASES), a spoken present's "b" left off ("ساحة البئر شو بيصير فيها": what
    happens at Well Square)."""
    said = set(words(text))
    said |= {w[1:] for w in said if len(w) > 3 and w.startswith(_SPOKEN_PRESENT)}
    if (PURPOSE_WORDS | _PURPOSE_SPOKEN) & said:
        return True
    return bool(_PURPOSE_PHRASES.search(" ".join(text.split())))


# Words asking how many a place holds ("how many seats", "combien de places", "كم مقعد", "کتنی
# نشستیں", "capacity"): the pack says it in the place's purpose ("250 seats with interpretation").
CAPACITY_WORDS = frozenset(
    words(
        "capacity seats seat seating capacite places sieges "
        "مقعد مقاعد مقعدا سعة سعتها تتسع يتسع تستوعب يستوعب كرسي كراسي "
        "نشست نشستیں نشستوں گنجائش کرسیاں"
    )
)


def asks_what_purpose_tells(text: str, venue: dict[str, Any]) -> bool:
    """Whether the message asks what only the place's purpose tells: its capacity
    (CAPACITY_WORDS), or a word of five letters or more that the purpose has and the place's
    name and directions do not ("is there interpretation in the conference hall")."""
    fields = venue["fields"]
    asked = set(words(text))
    if CAPACITY_WORDS & asked:
        return True
    said = set(words(f"{fields.get('name') or ''} {fields.get('directions') or ''}"))
    beyond = {word for word in asked - said - WHEN_WORDS if len(word) >= 5}
    return bool(beyond & set(words(fields.get("purpose") or "")))


def asks_what_it_is(text: str, venue: dict[str, Any]) -> bool:
    """Whether a clause of the message asks what the place is, and nothing else: its name's
    words and WHAT_IS_WORDS alone ("what is well square? where is it?", "c'est quoi la place du
    puits ? elle est où ?"). The card says where it is and when it is open, not what it is."""
    named = set(words(venue["fields"].get("name") or ""))
    for clause in re.split(r"[?!.;,،؟؛]", text):
        said = set(words(clause))
        beside = said - named
        if said & named and beside & WHAT_WORDS and not beside - WHAT_IS_WORDS:
            return True
    return False


def say_purpose_asked(
    dispatcher: CollectingDispatcher, venue: dict[str, Any], text: str, lang: str
) -> None:
    """After a place's card (directions and hours), what the place is for when the message asks
    it ("what is Well Square used for": "Well Square: Parades."), or asks what only its purpose
    tells (asks_what_purpose_tells: "how many seats"); nothing when the place has no purpose in
    this language (its card already said what it has)."""
    purpose = (venue["fields"].get("purpose") or "").rstrip(". ")
    if purpose and (
        asks_purpose(text) or asks_what_purpose_tells(text, venue) or asks_what_it_is(text, venue)
    ):
        name = venue["fields"].get("name") or ""
        dispatcher.utter_message(
            text=incomplete.sentence(incomplete.named(name, purpose, lang), lang)
        )


async def say_item(
    client: LookupClient,
    dispatcher: CollectingDispatcher,
    item: dict[str, Any],
    lang: str,
    asked: str = "",
) -> None:
    """One item, as the action for its kind says it (an event as `asked`: say_event)."""
    kind = item["kind"]
    if kind == "event":
        say_event(dispatcher, item, lang, asked)
    elif kind == "venue":
        say_venue(dispatcher, item, lang)
    elif kind == "contact":
        say_contact(dispatcher, item, lang)
    elif kind == "rank":
        exercise = (await client.exercise(lang))["fields"]
        say_rank(dispatcher, item, exercise)
    elif kind == "phrase":
        say_phrase(dispatcher, item, lang)
    elif kind == "dress_code":
        fields = item["fields"]
        name, description = fields.get("name") or "", fields.get("description") or ""
        if name and description:
            dispatcher.utter_message(
                response="utter_dress_code", name=name, description=description
            )
        elif name or description:
            dispatcher.utter_message(text=incomplete.named(name, description, lang))
        else:  # nothing of it in this language: say so (never another language's text)
            say_not_translated(dispatcher, item, item.get("lang") or lang)
    else:  # topic items and anything with a text
        say_texts(dispatcher, [item], "text")


def say_texts(dispatcher: CollectingDispatcher, items: list[dict[str, Any]], field: str) -> None:
    """Each item's text in the user's language; where it has none, say so and offer the
    languages that have it (never another one's text: actions/not_translated.py)."""
    for item in items:
        text = item["fields"].get(field)
        if text:
            dispatcher.utter_message(text=text)
        else:
            say_not_translated(dispatcher, item, item["lang"])


def related_text(item: dict[str, Any], name: str, field: str) -> str:
    """A text of an item the service attached (an event's venue or dress), or ""."""
    return item.get("related", {}).get(name, {}).get("fields", {}).get(field) or ""


def say_event(
    dispatcher: CollectingDispatcher, event: dict[str, Any], lang: str, asked: str = ""
) -> None:
    """An event's card; then, when the message `asked` asks what to wear, its dress described
    (_say_dress_asked): one step, so that an answer giving an event's card for the visitor's
    question cannot forget the dress asked for. The dress answer says the dress itself, and a
    day's programme or an event's description answers something else: they pass no message."""
    fields = event["fields"]
    dress = related_text(event, "dress", "name")
    details: dict[str, Any] = {
        "title": fields.get("title") or "",
        "when": rendering.when(fields["start"], fields["end"], lang),
        "place": related_text(event, "venue", "name"),
    }
    if not details["title"]:  # its facts by kind and time, then the languages that have it
        say_not_translated(dispatcher, event, lang)
    elif not details["place"]:  # a text missing in this language
        dispatcher.utter_message(text=incomplete.event(dress=dress, lang=lang, **details))
    elif dress:
        dispatcher.utter_message(response="utter_event_details", dress=dress, **details)
    else:
        dispatcher.utter_message(response="utter_event_details_no_dress", **details)
    _say_dress_asked(dispatcher, event, asked)


def say_venue(
    dispatcher: CollectingDispatcher,
    venue: dict[str, Any],
    lang: str,
    hours_text: Callable[[dict[str, str]], str] | None = None,
) -> None:
    """A place's directions and hours: those in force (`current`: Ramadan's in Ramadan), said
    by `hours_text(weekly)` when given (one day's), else the week's."""
    fields = venue["fields"]
    hours_of = fields.get("hours") or {}
    weekly = hours_of.get("current") or hours_of.get("weekly")
    common: dict[str, Any] = {
        "name": fields.get("name") or "",
        "directions": fields.get("directions") or "",
    }
    hours = ""
    if weekly:
        hours = hours_text(weekly) if hours_text else rendering.opening_hours(weekly, lang)
    if not common["name"]:  # its hours, then the languages that have its name
        say_not_translated(dispatcher, venue, venue.get("lang") or lang, hours_text)
    elif not common["directions"]:  # a text missing in this language
        dispatcher.utter_message(text=incomplete.venue(hours=hours, lang=lang, **common))
    elif hours:
        dispatcher.utter_message(response="utter_venue_details", hours=hours, **common)
    else:
        dispatcher.utter_message(response="utter_venue_no_hours", **common)


def say_contact(dispatcher: CollectingDispatcher, contact: dict[str, Any], lang: str) -> None:
    fields = contact["fields"]
    reach = " · ".join(
        value for value in (fields.get(k) for k in ("phone", "email", "radio")) if value
    )
    said: dict[str, Any] = {
        "name": fields.get("name") or "",
        "role": (fields.get("role") or "").rstrip(". "),  # the template adds punctuation
        "reach": reach,
        "languages": rendering.language_names(fields.get("languages", []), lang),
    }
    if not said["name"]:  # its number, then the languages that have its name
        say_not_translated(dispatcher, contact, lang)
    elif said["role"] and said["languages"]:
        dispatcher.utter_message(response="utter_contact", **said)
    else:  # a text missing in this language
        dispatcher.utter_message(text=incomplete.contact(lang=lang, **said))


def say_rank(
    dispatcher: CollectingDispatcher, rank_item: dict[str, Any], exercise: dict[str, Any]
) -> None:
    """Every nation's titles for one NATO grade."""
    rank = rank_item["fields"]
    lang = rank_item.get("lang") or "en"
    # A nation's name or titles missing in this language (an exercise without it: never filled
    # in from another) leave its code, and no empty title list.
    names = {nation["code"]: nation["name"] for nation in exercise["nations"]}
    titles = rendering.and_list(
        (
            f"{names.get(nation) or nation}: {' / '.join(t for t in nation_titles if t)}"
            for nation, nation_titles in rank["titles"].items()
            if any(nation_titles)
        ),
        lang,
    )
    if not titles:  # no nation's title in this language: say so, not "OF-2: ."
        say_not_translated(dispatcher, rank_item, lang)
        return
    dispatcher.utter_message(response="utter_rank_equivalence", code=rank["code"], titles=titles)
