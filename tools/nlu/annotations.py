"""The entity annotation conventions of docs/intents.md ("What a span covers"), as a check.

The CRF learns where a span starts and ends from the examples, and `make eval` scores exact spans,
so one convention per language, followed everywhere, is worth more than any feature. `violations`
names each annotation that breaks it; tests/nlu/test_entity_annotations.py runs it over the
training data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from common.languages import LANGUAGES
from common.textnorm import fold, words

# English keeps its article inside a place's or an event's name ("[the opening ceremony](event)",
# "[the PX](venue)") and the "on" of a day inside the date ("[on friday](date)").
EN_INSIDE_BEFORE = {"venue": "the", "event": "the", "date": "on"}
# ... but not the "on" of "what's on" or "going on", a verb's particle: "what's on [today](date)",
# "what's going on [on the 22nd](date)".
EN_PARTICLE_ON_AFTER = {"what's", "whats", "going", "goes"}
# A language asked for: English leaves "in" outside ("in [arabic](requested_language)"), French
# keeps "en" inside ("[en arabe](requested_language)"), as most of each language's examples had it.
EN_OUTSIDE_FIRST = {"requested_language": "in"}
FR_INSIDE_BEFORE = {"requested_language": "en"}
# French leaves articles outside names ("la [popote](venue)", "l'[aéroport](venue)"); a date keeps
# them ("[le matin](date)", "[la semaine prochaine](date)").
FR_ARTICLES = {"le", "la", "les", "l'", "un", "une", "des", "du", "au", "aux"}
# The articles a French date takes inside: "le [vendredi](date)" is "[le vendredi](date)".
FR_DATE_ARTICLES = {"le", "la", "les"}
# No span starts with a question word, in any language (folded forms).
QUESTION_WORDS = {
    "en": {"what", "where", "when", "which", "how", "who"},
    "fr": {"ou", "quand", "quel", "quelle", "comment", "qui"},
    "ar": {"متي", "وين", "اين", "فين", "كيف", "ايش", "شو", "ماذا", "هل"},
    "ur": {fold(w) for w in ["كب", "كہاں", "كدھر", "كون", "كيسے", "كتنا", "كتني", "كتنے", "كيوں"]},
}
# Urdu's postpositions stay outside every span ("[اتوار] کو", "[والمیر] کے جنرل", "[عربی] میں"):
# they follow the word they govern as separate words, as French's articles precede theirs.
UR_POSTPOSITIONS = {fold(w) for w in ["کا", "کی", "کے", "میں", "پر", "سے", "کو", "تک"]}
# Rasa's EntitySynonymMapper learns a synonym from every annotation whose value differs from its
# span as the normalised text has it (lower-cased): "[EN](requested_language)" taught it en -> EN,
# and it renamed the `language` entity LanguageDetector sets on every English message (the
# English replies lost their language). A span that is a language code keeps the code as value.
# A kind of event said alone is no event ("how to salute at the parade", "applaudir à la
# cérémonie", "أثناء الاستعراض", "پریڈ میں کھڑے ہونا": how one behaves at any): an event is one
# of the programme's, named by what makes it one ("[the medal parade](event)", "[la cérémonie
# d'ouverture](event)"). Without an event entity the answering actions search the whole message,
# which finds a pack's parade.
BARE_EVENT_KINDS = {
    "en": {"parade", "parades", "ceremony", "ceremonies"},
    "fr": {"defile", "defiles", "ceremonie", "ceremonies"},
    "ar": {"حفل", "حفله", "احتفال", "استعراض"},
    "ur": {fold(w) for w in ["پریڈ", "تقریب", "تقریبات"]},
}
EDGE = re.compile(r"^\s|\s$|^[?!.,;:]|[?!.,;:]$")


@dataclass(frozen=True)
class Violation:
    text: str
    span: str
    entity: str
    rule: str


def violations(lang: str, examples: Iterable[tuple[str, list[dict]]]) -> list[Violation]:
    """Annotations in `examples` ((text, Rasa entity dicts) pairs) that break the convention."""
    found = []
    for text, entities in examples:
        for entity in entities:
            start, end, kind = entity["start"], entity["end"], entity["entity"]
            span = text[start:end]
            words = fold(span).split()
            before = fold(text[:start]).split()
            rule = None
            if EDGE.search(span):
                rule = "space or punctuation at the edge of the span"
            elif _cuts_a_word(text, start, end):
                rule = "the span cuts a word"
            elif words and words[0] in QUESTION_WORDS.get(lang, set()):
                rule = "question word inside the span"
            elif (
                lang == "ur"
                and words
                and (words[0] in UR_POSTPOSITIONS or words[-1] in UR_POSTPOSITIONS)
            ):
                rule = "Urdu postposition inside the span"
            elif (
                lang == "en"
                and before
                and before[-1] == EN_INSIDE_BEFORE.get(kind)
                and not (before[-1] == "on" and " ".join(before[-2:-1]) in EN_PARTICLE_ON_AFTER)
            ):
                rule = f"'{before[-1]}' belongs inside a {kind} span"
            elif lang == "en" and words[:1] == [EN_OUTSIDE_FIRST.get(kind)]:
                rule = f"'{words[0]}' belongs outside a {kind} span"
            elif lang == "fr" and before and before[-1] == FR_INSIDE_BEFORE.get(kind):
                rule = f"'{before[-1]}' belongs inside a {kind} span"
            elif lang == "fr" and kind == "date" and before and before[-1] in FR_DATE_ARTICLES:
                rule = f"'{before[-1]}' belongs inside a date span"
            elif (
                lang == "fr"
                and kind != "date"
                and words
                and (words[0] in FR_ARTICLES or words[0].split("'")[0] + "'" in FR_ARTICLES)
            ):
                rule = "French article inside the span"
            elif kind == "event" and _bare_event_kind(lang, span):
                rule = "a kind of event said alone is not an event"
            elif fold(span) in LANGUAGES and str(entity.get("value", span)) != fold(span):
                rule = "a language code's span must have the code itself as its value"
            if rule:
                found.append(Violation(text, span, kind, rule))
    return found


def _bare_event_kind(lang: str, span: str) -> bool:
    """The span is a kind of event alone: English's article and Arabic's clitics aside."""
    kind = words(span)
    if lang == "en" and kind[:1] == ["the"]:
        kind = kind[1:]
    return " ".join(kind) in BARE_EVENT_KINDS.get(lang, set())


def _cuts_a_word(text: str, start: int, end: int) -> bool:
    """A span starts or ends inside a word (whole words in every language: Arabic's clitics are
    inside, French's elided article outside after its apostrophe)."""
    return (start > 0 and text[start - 1].isalnum() and text[start].isalnum()) or (
        end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    )
