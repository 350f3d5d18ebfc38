"""Multilingual search over an exercise's texts, tolerant of how people type.

A query in any language is matched against every language's texts (folded: Arabic diacritics,
hamza and ta-marbuta variants, French accents, case), word by word: an exact word scores 1, a
shared prefix 0.8, a word within one or two typos 0.7. Names and titles weigh double. Only query
words that occur somewhere in the searched items count, so a whole question ("what's the
equivalent of a رائد in your army?") finds what a single word would. Exercises
hold hundreds of items, so scoring in Python over the index is fast and works on any database.

Ranking picks the item asked about, not a nearby one (issue 20):
- a query word weighs by how rare it is among the searched items (inverse document frequency),
  so a word many items share ("équivalent" in several French rank titles, "ceremony") neither
  blocks nor decides a match that a rarer word ("commandant") makes;
- an item whose name the query covers wholly outranks one whose longer name merely contains the
  query ("opening ceremony" before "opening ceremony rehearsal"): the score is scaled by how much
  of the item's best-covered name the query's words match;
- Arabic words are short (no written short vowels: four letters carry what takes six to eight
  in a Latin script), so a prefix or one typo on a short Arabic word is usually another word of
  the same root (ختام "closing", ختامي "final"): Arabic words shorter than ARABIC_FUZZY_MIN
  match only whole;
- a word the texts have whole is a word of the exercise, not a misspelling of a near one: only
  a word found nowhere whole matches by typo;
- equal scores stay equal: ties come out in a stable order but the caller sees they are ties
  (actions.base.find answers them all rather than the first by id).

Cost is bounded whatever the query's length: its words are deduplicated and only the first
MAX_QUERY_WORDS distinct ones count (a question is a sentence or two), words longer than
MAX_WORD_LENGTH are not words, and each query word is compared with each distinct word of the
searched texts once (not once per text), so the work is at most MAX_QUERY_WORDS x vocabulary
comparisons. Only the texts a matched word is in are then scored (an inverted index of the
texts' words, built once per knowledge version with them): a question's few words touch a few
dozen of the exercise's ~800 texts, where walking them all was most of a new question's CPU
(issue 22; tests/lookup/test_search_equivalence.py checks the ranking is the full scan's).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
import threading
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Literal

import snowballstemmer  # type: ignore[import-untyped]
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from sqlalchemy import select
from sqlalchemy.orm import Session

from common import asking
from common.textnorm import fold, words
from lookup import search_index
from lookup.store.models import Item, ItemText
from lookup.synonyms import equivalents

# Words that say nothing about what is asked; folded forms.
_FUNCTION_WORDS = """
    a an and are at be can do does for from how i in is it me my of on or the there to we what
    when where which who why will with you your please
    au aux avec c ce ces dans de des du elle en est et il je la le les leur lui ma mais me mes
    nous on ou par pour qu que quel quelle qui sa se son sur ta te tu un une vous y svp stp
    في من الي علي عن مع هل ما ماذا متي اين وين فين كيف هو هي انا انت هذا هذه ذلك التي الذي او ثم و
    ve ll re ال ولا
"""
# Question words and auxiliaries the first list lacked (issue 20): found nowhere, they counted
# against every item's share of the message ("c'est quoi la tenue X", "comment aller à X").
# Spoken Arabic's "what" (Darija and Gulf شنو, اشنو), "and what" (وما), "in it" and "from it"
# (فيه, منها): "ماذا يجري في ساحة البئر؟ وما الغرض منها؟" left the place under half of the
# message.
_QUESTION_WORDS = """
    did should could would many much
    quoi comment quels quelles quand combien sont suis ai avez ont faut peut
    كم اي ايش شو لماذا مين
    got امتي ايمتي وقتاش فوقاش
    pls plz thx لكم بكم
    شنو اشنو شنهو وما وشو فيه فيها منه منها
"""
# Urdu's particles and question words (without them a question's ہے or کیا matched any Urdu text
# and outweighed the word that names the item).
_URDU_WORDS = (
    "ہے ہیں کیا کب کہاں کون کیسے کتنے کتنی بجے کا کی کے کو میں سے اور یہ وہ ہو گا گی گے پر نے بھی"
    # auxiliaries written joined or apart ("روانہ ہوگی", "کھلا رہتا ہے") and "until"
    " ہوگا ہوگی ہوگے ہوں گے ہونگے رہتا رہتی رہتے رہے تک"
    # کون's and کیا's oblique form ("کس وقت", at what time; "کس سے", from whom) and "can"
    " کس کسی سکتا سکتی سکتے"
    # "some" and "to get" ("کچھ سامان لینا ہے", I have some things to get): they name nothing,
    # and being in some text they counted against the place a question names
    " کچھ لینا لینی لینے"
    # "the one of" ("رینج ڈے والے دن", on the range day's day; "نماز والا خیمہ"): it ties a
    # name to what follows, and names nothing
    " والا والی والے"
    # the past's auxiliaries ("رکھی گئی ہے", "بتایا گیا تھا"), told and set (a time), we and me,
    # that, all, and a polite sir: they name nothing, and counted against the event asked about
    " گیا گئی گئے تھا تھی تھے بتایا بتائی رکھا رکھی رکھے ہم ہمیں مجھے کہ سب سر"
    # to do, then, and please explain or tell ("بات کرنی ہو تو ... کروں", if I must talk,
    # where do I ...; "راستہ سمجھا دیں", explain the way): on a pack without Urdu texts they
    # matched nothing and still weighed against the place or person the question names
    " کرنا کرنی کرنے کروں کریں کرو تو سمجھا سمجھائیں سمجھاؤ دیں دیجیے دیجئے بتا بتائیں بتاؤ"
    # its present ("کون شرکت کرتا ہے", who takes part)
    " کرتا کرتی کرتے"
    # where, as کہاں's spoken twin ("چوک کدھر ہے")
    " کدھر"
)
# Roman Urdu's (Urdu typed in Latin letters, bot/nlu/roman_urdu.py): particles, question words,
# pronouns and auxiliaries, and what it asks about an item (baje, o'clock; waqt, time; shuru,
# start; khulta, opens). Found in no text, they counted against the item an English name in the
# question names ("flag raising kitne baje shuru hogi" left it a third of the message).
_ROMAN_URDU_WORDS = """
    hai hain hy hn hun hoon ho ga gi ge hoga hogi hogay honge hongay hota hoti hote tha thi thay
    hua hui
    kya kia kiya kab kb kahan kahaan kahn kidhar kaise kese kaisa kaisi kitna kitne kitni kis
    kisi kisko kaun kon kaunsa konsa kaunsi konsi kyun kyon
    ka ki ke ko mein mai pe tak liye saath sath bhi aur ya wala wali wale
    mujhe mjhe humein hamein hume hum aap ap tum yeh woh nahi nahin koi kuch abhi yahan wahan
    karna karni karne karun karein karen karo kar chahiye chahie sakta sakti sakte skte raha rahi
    rahe rehta rehti rehte jana jata jati jate jaye jayen batao bataen bataein bataiye bata dena
    dikhao milta milti milte milega milegi lagta lagti
    baje waqt shuru khula khuli khulta khulti khulte khulega jee bhai yaar plz
    par apna apni apne hamara hamari hamare mera meri mere sab gaya gayi gaye
"""
# Darija (Moroccan and Algerian Arabic) typed in Latin letters, digits for the letters Latin
# lacks (3 ع, 7 ح, 9 ق): its question words, particles and what it asks about an item (sa3a,
# hour; katfte7, opens; katsed, closes). Found in no text, they counted against the item
# a question names in French or Arabizi ("wach ... dyal ... ch7al f sa3a" left a place under the
# share a confident answer needs).
_DARIJA_LATIN_WORDS = """
    wach wesh wech ach chnou chno chnu shno ch7al sh7al chhal shhal chal 9dach
    fayn feen imta imta3 emta wa9tach wqtach waqtach fo9ach foqach kifach kifash
    dyal diyal dyali dialna dyalna ta3 fi fih fiha el li lli lil m3a mn 3la 3ala
    sa3a sa3at l3chiya lyoum lyouma ghda ghedda
    kayn kayna kaynin katfte7 kayfte7 kathel kat7el katsed kaysed kaybda katbda
"""
# Must, need and be, in every language (issue 20): they say the visitor has to be somewhere or do
# something, never which item, and being in many texts ("doit", "être" in a dozen French ones)
# they weighed against the one word that names it: "pour la clôture on doit être en place à
# quelle heure" found no closing ceremony, nor "لازم نكون في مواقعنا الساعة كم يوم الافتتاح" the
# opening. "With me" (معي, ساتھ), "for" (کے لیے), Urdu's کون سا / کون سی (which) and its
# auxiliaries ہوتا, جاتا ("بند ہو جاتا ہے").
_MODAL_WORDS = """
    must need needs have has shall
    doit dois doivent devons devez devrait etre sommes etes sera
    لازم يجب ينبغي اكون نكون يكون تكون كل معي معنا
    چاہیے چاہئے ہونا ہوتا ہوتی ہوتے جاتا جاتی جاتے سا سی لیے لئے ساتھ
"""
# How long something lasts: the answer's span says it, and the words name nothing ("how long does
# the command briefing last" found the final exercise, whose description is "day-long" and
# mentions the command briefing, and not the briefing itself).
_DURATION_WORDS = """
    long last lasts duration dure durent durera duree
    تستغرق يستغرق تدوم يدوم مدة مده
    دیر
"""
# Until, in every language: how long a place stays open or a thing goes on, which its hours or
# span say; the word names nothing ("until what time is Well Square open" counted "until",
# found in no text, as a name the place lacked, and left it under the share a plain name needs).
# Urdu's تک is with its particles above.
_UNTIL_WORDS = """
    until till jusqu jusque
    حتى لغاية لين
"""
# This and that (issue 20): they point at what the message names and name nothing themselves;
# being in some text, "that" counted against the item asked ("the programme says 'field boots',
# what does that mean" left the dress code under the share a plain name needs).
_POINTING_WORDS = """
    this that these those ca cela ceci
"""
# Wanting, and the question words and particles of spoken Arabic (Egyptian, Levantine, Gulf)
# that the lists above lack: "عايز ... الرقم إيه" (I want ... what's the number), "بدي ... شو",
# "ابي ... وش". They say what the visitor wants to know, never which item; found in some text,
# they counted against the contact asked for, and the fallback's search was not sure of it.
_WANTING_WORDS = """
    want wants wanna veux voudrais voudrait voulons souhaite souhaiterais
    عايز عاوز عايزه عاوزه عايزين عاوزين بدي بدنا ابي ابغي ابغا اريد نريد ودي
    ايه ازاي ليه امتى كام بتاع بتاعه بتاعت بتوع ده دي دلوقتي هلق عشان علشان حضرتك وش
    چاہتا چاہتی چاہتے chahta chahti chahte
"""
STOPWORDS = frozenset(
    words(
        _POINTING_WORDS
        + _WANTING_WORDS
        + _FUNCTION_WORDS
        + _QUESTION_WORDS
        + _URDU_WORDS
        + _ROMAN_URDU_WORDS
        + _DARIJA_LATIN_WORDS
        + _MODAL_WORDS
        + _DURATION_WORDS
        + _UNTIL_WORDS
    )
)
# Words that ask for something about an item (its time, hours, place, dress, number) rather than
# name one, in every language (common/asking.py, the one list the actions read too). They are
# searched like any word, since a text may use them ("ouvre à 19h05"), but only whole; where the
# exercise's texts lack them they are not a name the exercise lacks either, so they do not count
# against an item's share of the message (`coverage`).
# Greetings and thanks around a question, in every language and as typed in Latin letters: they
# name nothing, and found in no text they counted against the item asked about ("السلام عليكم،
# وين ساحة البئر؟", "Hello, where is the medical centre?" fell under half the message). Searched
# as the asking words are: for an item whose texts have them (a greetings text), never against one;
# nor do they weigh in the relevance of an item that lacks them (rare, they outweighed the place
# named: "السلام علیکم، میڈیکل سینٹر کہاں ہے؟" found the greetings text first).
_COURTESY_WORDS = """
    hello hi hey hiya greetings thanks thank thx cheers
    bonjour bonsoir salut coucou merci
    سلام عليكم مرحبا مرحبتين اهلا هلا شكرا مشكور
    اداب شکریہ ہیلو
    salam salaam assalamu assalam alaikum alaykum aoa shukran shukriya
"""
COURTESY_WORDS = frozenset(words(_COURTESY_WORDS)) - STOPWORDS
# Calling or talking to someone (issue 20): how the visitor means to reach what the message names,
# not which one. Searched as the asking words are: for a text that has them ("Call medic line
# 7777"), never against a contact whose texts lack them ("I need to talk to the duty desk",
# "أكلم المناوبة", "je veux appeler la permanence" left the desk under half of the message).
_REACHING_WORDS = """
    call calling ring talk speak reach
    appeler appelle appeller joindre contacter parler
    اكلم نكلم يكلم تكلم اتكلم نتكلم احكي نحكي اكلمهم
    کال بات baat
"""
REACHING_WORDS = frozenset(words(_REACHING_WORDS)) - STOPWORDS
ASKING_WORDS = (asking.ASKING_WORDS | COURTESY_WORDS | REACHING_WORDS) - STOPWORDS
# "Opening hours", "heures d'ouverture", "ساعات العمل", "اوقات کار": the word beside "hours" says
# which hours (a place's), not which item, and is not searched ("opening ceremony" keeps its
# "opening"; "what are the opening hours of Well Square" counted "opening" as a name it lacks).
_HOURS = frozenset(words("hours times heures horaires ساعات اوقات"))
_OF_HOURS = frozenset(words("opening closing ouverture fermeture العمل الدوام کار"))
# An event's kind (pack `events[].kind`) in words of every language, searched as a text of the
# event (not a name): "when is the ceremony?" finds an exercise's only ceremony even when its
# title ("Flag raising") does not say so; with several ceremonies, those whose names say
# "ceremony" come first and tie (both answered). lookup/synonyms.py adds the other words for
# each (حفل for مراسم, تقریب for ceremony). General words only, never one pack's names.
EVENT_KIND_WORDS: dict[str, str] = {
    # A parade is a ceremony ("when does the parade start", "وين تقام الاستعراضات")
    "ceremony": "ceremony cérémonie مراسم تقریب parade défilé طابور استعراض پریڈ",
    "briefing": "briefing إيجاز إحاطة بریفنگ",
    "training": "training entraînement تدريب تربیت",
    "social": "social اجتماعي",
}
# The fields that name an item (a rank's `titles.<nation>.<n>` are its names too).
NAME_FIELDS = frozenset({"name", "title", "titles"})
MAX_QUERY_WORDS = 24
MAX_WORD_LENGTH = 40
# Shortest word that may match by prefix or typo: Latin-script and Arabic-script words.
FUZZY_MIN = 4
ARABIC_FUZZY_MIN = 5


@dataclass(frozen=True)
class Hit:
    kind: str
    item_id: str
    score: float
    # The share of the query, by rarity weight, that this item matches, words found nowhere
    # counting as the rarest: how much of what was asked the item accounts for (0..1). A
    # caller answering a whole message from search alone (no intent to go by) wants most of it.
    coverage: float = 1.0


# A letter standing alone in a question names which one ("tent B", "الخيمة ب", "bloc C"), and
# without it tent B and tent C tied on "tent". Not a letter elided or joined to its word ("l'heure",
# "what's", "e-mail"), nor a digit (a day's or an hour's number as often as a building's), nor a
# word of one letter (English "a" and "I", French "a" and "y", "o" for "and" in Darija written in
# Latin letters, Arabic "و" written apart). A letter standing alone is kept even where the same
# letter elided is a stopword ("c'est" but "tent C").
_LETTER_ALONE = re.compile(r"(?<![\w'’ʼ`´-])([^\W\d_])(?![\w'’ʼ`´-])")
_ONE_LETTER_WORDS = frozenset(words("a i y o و"))


def query_words(query: str) -> list[str]:
    """The query's distinct searchable words, in order, at most MAX_QUERY_WORDS of them: words
    of two letters or more, and letters standing alone (_LETTER_ALONE)."""
    alone = {m.group(1) for m in _LETTER_ALONE.finditer(fold(query))} - _ONE_LETTER_WORDS
    folded = [word for word in words(query) if 1 < len(word) <= MAX_WORD_LENGTH or word in alone]
    wanted: dict[str, None] = {}
    for at, word in enumerate(folded):
        if (word in STOPWORDS and word not in alone) or (
            word in _OF_HOURS and _HOURS & set(folded[max(at - 1, 0) : at + 2])
        ):
            continue
        wanted[word] = None
        if len(wanted) == MAX_QUERY_WORDS:
            break
    return list(wanted)


def search(
    session: Session,
    exercise_id: str,
    query: str,
    kinds: list[str] | None = None,
    limit: int = 5,
    mode: Literal["question", "name"] = "question",
) -> list[Hit]:
    """mode "question": q is a whole message, and words found nowhere in the searched items are
    filler. mode "name": q names one thing (an extracted entity), and every word counts, so
    asking for a gym the exercise does not have finds nothing rather than some other place."""
    return search_explained(session, exercise_id, query, kinds, limit, mode)[0]


def search_explained(
    session: Session,
    exercise_id: str,
    query: str,
    kinds: list[str] | None = None,
    limit: int = 5,
    mode: Literal["question", "name"] = "question",
) -> tuple[list[Hit], list[str]]:
    """`search`, and the query's words (folded) that match nothing in the searched items: a name
    the exercise lacks ("Captain Dubois" where the pack has no Dubois), so the caller can say so
    rather than answer something else."""
    wanted = query_words(query)
    if not wanted:
        return [], []
    texts = _searched_texts(session, exercise_id, kinds)
    rows = texts.rows
    # Each query word against each distinct word of the texts, once (and once per knowledge
    # version for a word asked before: `known`): the words it matches.
    matches = {word: _matches_known(word, texts.vocabulary, texts.known) for word in wanted}
    # A letter the texts lack names nothing the exercise could have lacked: not counted.
    wanted = [w for w in wanted if len(w) > 1 or matches[w]]
    if not wanted:
        return [], []
    unmatched = [w for w in wanted if not matches[w]]
    informative = wanted if mode == "name" else [w for w in wanted if matches[w]]
    if not informative:
        return [], unmatched
    # in_row[row][query word] = the best match of that word among the row's words, for the rows
    # some matched word occurs in (`postings`): a text none of them is in scores 0 for every
    # word, and only the texts that match are walked, not all of them (issue 22).
    in_row: dict[int, dict[str, float]] = defaultdict(dict)
    for word in informative:
        for candidate, score in matches[word].items():
            for at in texts.postings.get(candidate, ()):
                row_scores = in_row[at]
                if score > row_scores.get(word, 0.0):
                    row_scores[word] = score
    # best[(kind, id)][query word] = best weighted match of that word anywhere in the item,
    # filled walking the matching texts in the texts' order (the words' order in each item's
    # scores, hence the float sums below, is the full scan's).
    best: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    # Items some text of their own matches (a grade's nations, is_name None, only support).
    own: set[tuple[str, str]] = set()
    for at in sorted(in_row):
        kind, item_id, is_name, _ = rows[at]
        scores = best[(kind, item_id)]
        row_scores = in_row[at]
        for word in informative:
            score = (2.0 if is_name else 1.0) * row_scores.get(word, 0.0)
            if score > 0 and is_name is not None:
                own.add((kind, item_id))
            if score > scores.get(word, 0.0):
                scores[word] = score
    names = texts.names
    weight = _rarity(informative, best, texts.items)
    total = sum(weight.values())
    # Every query word's weight, filler included (a word matching nothing weighs most), but for
    # the words asking about an item (ASKING_WORDS): they count for an item that has them (a
    # name may use one: "place du puits") and never against one that does not, whatever other
    # text uses them ("الساعة", the hour, in the opening ceremony's "by 07:30" counted against
    # every other event, the rehearsal asked for included).
    named = [w for w in wanted if w not in ASKING_WORDS]
    whole = sum(_rarity(named, best, texts.items).values())
    # How well each word of the texts is matched by some query word (for name coverage).
    matched_by_query: dict[str, float] = {}
    for word in informative:
        for candidate, score in matches[word].items():
            matched_by_query[candidate] = max(score, matched_by_query.get(candidate, 0.0))
    asking = [word for word in informative if word in ASKING_WORDS]  # in informative's order
    courtesy = [word for word in informative if word in COURTESY_WORDS]
    hits: list[Hit] = []
    under_half: list[Hit] = []  # matched by under half the words: only a name said whole
    for key, scores in best.items():
        found = sum(weight[word] for word in informative if scores.get(word, 0.0) > 0)
        its_asking = sum(weight[word] for word in asking if scores.get(word, 0.0) > 0)
        # More than half the informative words, by weight, must match (so a lone word must): a
        # wrong place or event is worse than "I don't have that". The asking words an item's
        # texts lack are not counted against it here either, as in its coverage: "رات", night,
        # in another place's text, left "until when is the shop open at night" under half.
        lacked = sum(weight[word] for word in asking) - its_asking
        if key not in own:
            continue
        unsaid = sum(weight[word] for word in courtesy if scores.get(word, 0.0) <= 0)
        relevance = sum(weight[word] * score for word, score in scores.items()) / (total - unsaid)
        covered = _name_coverage(names.get(key, []), matched_by_query)
        score = round(relevance * (1 + covered) / 2, 3)
        hit = Hit(key[0], key[1], score, round(found / (whole + its_asking), 3))
        (hits if found * 2 > total - lacked else under_half).append(hit)
    hits = _exact_before_longer(hits, under_half, names, matched_by_query)
    hits.sort(key=lambda hit: (-hit.score, hit.kind, hit.item_id))
    return hits[:limit], unmatched


def _exact_before_longer(
    hits: list[Hit],
    under_half: list[Hit],
    names: dict[tuple[str, str], list[set[str]]],
    matched_by_query: dict[str, float],
) -> list[Hit]:
    """An item whose whole name the query says ranks before one of its kind whose longer name
    contains that name and whose other name words the query does not say: "is it ceremonial or
    duty uniform for the opening ceremony" asks for the opening ceremony, not its rehearsal,
    whatever other words of the question ("laid out", "handed out") the rehearsal's description
    holds, even when those words leave the ceremony under half of the question (`under_half`).
    The longer one still wins when its own words are asked."""
    said = {word for word, score in matched_by_query.items() if score >= 1.0}
    asked = {word for word, score in matched_by_query.items() if score > 0}

    def whole_names(hit: Hit) -> list[set[str]]:
        return [name for name in names.get((hit.kind, hit.item_id), []) if name and name <= said]

    # A shorter item's name said whole is, within a longer name, exactly the longer name's words
    # the query matches at all (the rest must be unasked), so each longer name points to at most
    # one shorter name: the candidates are looked up by it, in the list's order, not compared
    # with every hit (issue 22's hot path).
    candidates = [*hits, *under_half]
    by_name: dict[tuple[str, frozenset[str]], list[int]] = defaultdict(list)
    for at, hit in enumerate(candidates):
        for short in whole_names(hit):
            by_name[(hit.kind, frozenset(short))].append(at)

    def shorter_ones(longer: Hit) -> list[int]:
        # A longer item with a name of its own said whole ("Major", Valmère's OR-9 title, beside
        # the OF-3 majors) is no longer name of the other: the usual ranking decides.
        if whole_names(longer):
            return []
        found: set[int] = set()
        for name in names.get((longer.kind, longer.item_id), []):
            short = name & asked
            if short and short <= said and short != name:
                found.update(by_name.get((longer.kind, frozenset(short)), ()))
        return sorted(found)

    kept = {(hit.kind, hit.item_id): hit for hit in hits}
    for longer in hits:
        for at in shorter_ones(longer) if by_name else ():
            shorter = candidates[at]
            if shorter.item_id == longer.item_id:
                continue
            current = kept.get((shorter.kind, shorter.item_id))
            top = max(longer.score, current.score if current else shorter.score)
            kept[(shorter.kind, shorter.item_id)] = Hit(
                shorter.kind, shorter.item_id, top, shorter.coverage
            )
            ahead = kept[(longer.kind, longer.item_id)]
            kept[(longer.kind, longer.item_id)] = Hit(
                longer.kind, longer.item_id, min(ahead.score, round(top - 0.001, 3)), ahead.coverage
            )
    return list(kept.values())


Row = tuple[str, str, bool | None, set[str]]


@dataclass(frozen=True)
class _Texts:
    """The searched texts of one exercise and kinds, as one knowledge version has them."""

    rows: list[Row]  # (kind, item id, is it a name, its words) of each searched text
    vocabulary: Vocabulary  # every word of them
    known: dict[str, dict[str, float]]  # the matches of the query words asked so far
    postings: dict[str, tuple[int, ...]]  # each word: the rows it is in, ascending
    items: int  # the distinct (kind, item id) of the rows
    # Each item's names, as sets of the words that say something (as in a query: no stopword,
    # no elided letter such as the d of "d'adieu").
    names: dict[tuple[str, str], list[set[str]]]


def _searched_texts(session: Session, exercise_id: str, kinds: list[str] | None) -> _Texts:
    """The searched texts, folded and indexed once per knowledge version
    (lookup/search_index.py), not once per query. Shared between queries: read only, but for
    `_matches_known` adding to `known`."""
    version, kept = search_index.cached(session, exercise_id, kinds)
    if kept is not None:
        return kept
    statement = select(ItemText.kind, ItemText.item_id, ItemText.path, ItemText.search_text).where(
        ItemText.exercise_id == exercise_id
    )
    if kinds:
        statement = statement.where(ItemText.kind.in_(kinds))
    rows: list[Row] = [
        (kind, item_id, _is_name(path), _text_words(search_text))
        for kind, item_id, path, search_text in session.execute(statement)
    ]
    if not kinds or "event" in kinds:
        rows.extend(_event_kind_rows(session, exercise_id))
    if not kinds or "rank" in kinds:
        rows.extend(_rank_nation_rows(session, exercise_id))
    texts = _index(rows)
    search_index.keep(session, exercise_id, kinds, version, texts)
    return texts


def _text_words(text: str) -> set[str]:
    """A text's words, as a query's are read: its letters elided or joined to a word ("château
    d'eau", "what's") are no words of it, a letter standing alone ("tent B") is."""
    found = set(words(text))
    letters = {word for word in found if len(word) == 1}
    if letters:
        found -= letters - {m.group(1) for m in _LETTER_ALONE.finditer(fold(text))}
    return found


def _index(rows: list[Row]) -> _Texts:
    """`rows` with their vocabulary, the rows each word is in, and each item's names."""
    postings: dict[str, list[int]] = defaultdict(list)
    names: dict[tuple[str, str], list[set[str]]] = defaultdict(list)
    items: set[tuple[str, str]] = set()
    for at, (kind, item_id, is_name, text_words) in enumerate(rows):
        items.add((kind, item_id))
        for word in text_words:
            postings[word].append(at)
        if is_name:
            names[(kind, item_id)].append(
                {w for w in text_words if len(w) > 1 and w not in STOPWORDS}
            )
    # Words found nowhere in the searched items ("quoi", "chez", "tell me") carry no information:
    # coverage is measured over the words that could match something.
    return _Texts(
        rows=rows,
        vocabulary=Vocabulary(postings),
        known={},
        postings={word: tuple(at) for word, at in postings.items()},
        items=len(items),
        names=dict(names),
    )


def _event_kind_rows(session: Session, exercise_id: str) -> list[Row]:
    """A searched text per event saying its kind (EVENT_KIND_WORDS), not a name."""
    statement = select(Item.id, Item.data).where(
        Item.exercise_id == exercise_id, Item.kind == "event"
    )
    return [
        ("event", item_id, False, set(words(EVENT_KIND_WORDS[data["kind"]])))
        for item_id, data in session.execute(statement)
        if (data or {}).get("kind") in EVENT_KIND_WORDS
    ]


def _rank_nation_rows(session: Session, exercise_id: str) -> list[Row]:
    """A searched text per grade naming, in every language, the nations it has titles for.
    Not a name, and only support (is_name None): it finds no grade alone, every grade having
    every nation's titles. "un capitaine d'Invitie, ça se dit comment chez Hôtelie ?",
    "Brigadier de Northmark" say whose title is meant; the nation's words are then no name the
    exercise lacks, which counted against every grade and left the question unanswered."""
    exercise = session.scalar(
        select(Item.data).where(Item.exercise_id == exercise_id, Item.kind == "exercise")
    )
    names = {
        nation.get("code"): " ".join((nation.get("name") or {}).values())
        for nation in (exercise or {}).get("nations", [])
    }
    statement = select(Item.id, Item.data).where(
        Item.exercise_id == exercise_id, Item.kind == "rank"
    )
    rows: list[Row] = []
    for item_id, data in session.execute(statement):
        said = " ".join(names.get(code, "") for code in (data or {}).get("titles", {}))
        if said.strip():
            rows.append(("rank", item_id, None, set(words(said))))
    return rows


def _matches_known(
    word: str, vocabulary: AbstractSet[str], known: dict[str, dict[str, float]]
) -> dict[str, float]:
    """`_matches`, remembered in `known` (visitors ask with the same words again and again;
    at most search_index.MAX_WORDS of them per entry)."""
    found = known.get(word)
    if found is None:
        found = _matches(word, vocabulary)
        if len(known) < search_index.MAX_WORDS:
            known[word] = found
    return found


def _is_name(path: str) -> bool:
    """Whether a text path holds a name ('name', 'title', 'titles.nhr.0')."""
    parts = path.split(".")
    return parts[0] in NAME_FIELDS or parts[-1] in NAME_FIELDS


def _rarity(
    informative: list[str], best: dict[tuple[str, str], dict[str, float]], items: int
) -> dict[str, float]:
    """Each query word's weight: log(1 + items / items it matches), so a word most items share
    counts little and a word matching nothing (a name the exercise lacks) counts most. `items`
    counts every searched item, `best` only those some word matches."""
    items = max(items, 1)
    weight = {}
    for word in informative:
        containing = sum(1 for scores in best.values() if scores.get(word, 0.0) > 0)
        weight[word] = math.log(1 + items / max(containing, 1))
    return weight


def _name_coverage(names: list[set[str]], matched_by_query: dict[str, float]) -> float:
    """How much of the item's best-covered name the query matches, 0..1 (a prefix or typo
    counts as its match score): 1 for "opening ceremony" asked as such, 2/3 for the rehearsal."""
    best = 0.0
    for name in names:
        if name:
            best = max(best, sum(matched_by_query.get(w, 0.0) for w in name) / len(name))
    return best


# Arabic's one-letter prepositions and conjunctions, written on the next word (folded forms;
# common.textnorm.words already strips them before the article).
_PROCLITICS = frozenset("لبكفو")


@functools.lru_cache(maxsize=1 << 16)  # asked for each vocabulary word by each query word
def _fuzzy_min(word: str) -> int:
    return ARABIC_FUZZY_MIN if any("\u0600" <= char <= "\u06ff" for char in word) else FUZZY_MIN


def _matches(word: str, vocabulary: AbstractSet[str]) -> dict[str, float]:
    """The words of `vocabulary` that `word` matches, with their scores: itself and each of its
    equivalents (lookup/synonyms.py) alike, whole, then by prefix or typo (an Urdu-script
    "میڈیکل" finds "medic" as "medical" would)."""
    found: dict[str, float] = {}
    for form in (word, *sorted(equivalents(word))):
        for candidate, score in _matches_of(form, vocabulary).items():
            found[candidate] = max(score, found.get(candidate, 0.0))
    # An Arabic preposition or conjunction written on a noun without its article ("لساحة البئر",
    # to Well Square; "بمكتب", at the office): the noun, whole, when the word itself is none.
    if word not in vocabulary and word[:1] in _PROCLITICS:
        bare = word[1:]
        if len(bare) >= 3 and bare in vocabulary:
            found[bare] = max(0.9, found.get(bare, 0.0))
    # Darija typed in Latin letters writes the article on the noun ("lkuzina", the kitchen;
    # "lmess"): the noun, whole, when the exercise's words or lookup/synonyms.py know it.
    if word not in vocabulary and word[:1] == "l" and word.isascii():
        bare = word[1:]
        if len(bare) >= FUZZY_MIN and (bare in vocabulary or equivalents(bare)):
            for form in (bare, *sorted(equivalents(bare))):
                if form in vocabulary:
                    found[form] = max(0.9, found.get(form, 0.0))
    # Urdu's oblique case: a word ending in ہ or ا ends in ے before a postposition ("ثقافتی
    # دورے کی بس", the cultural visit's bus; the title says "دورہ"): that word, whole.
    if word not in vocabulary and word.endswith("ے") and len(word) >= 3:
        for direct in (word[:-1] + "ه", word[:-1] + "ا"):
            if direct in vocabulary:
                found[direct] = max(0.9, found.get(direct, 0.0))
    return found


# English and French inflections (Snowball, the stemmers of search engines): "raise" is
# "raising", "ceremonies" "ceremony", which neither a shared prefix nor one typo connects.
# Latin-script words only (Arabic and Urdu words match by their folded forms and prefixes),
# and not the words that ask about an item (ASKING_WORDS) rather than name one. A
# Snowball stemmer keeps state while it works: one at a time.
_STEMMERS = tuple(snowballstemmer.stemmer(language) for language in ("english", "french"))
_STEMMING = threading.Lock()


@functools.lru_cache(maxsize=65536)
def _stems(word: str) -> frozenset[str]:
    """The word's English and French stems; none for a short or non-Latin word."""
    if len(word) < FUZZY_MIN or any("\u0600" <= char <= "\u06ff" for char in word):
        return frozenset()
    with _STEMMING:
        return frozenset(stemmer.stemWord(word) for stemmer in _STEMMERS)


def _matches_of(word: str, vocabulary: AbstractSet[str]) -> dict[str, float]:
    """The words of `vocabulary` that `word` itself matches: whole, then by prefix, inflection
    (a shared stem) or typo."""
    found = {word: 1.0} if word in vocabulary else {}
    shortest = _fuzzy_min(word)
    # A word asking about an item (ASKING_WORDS) matches only itself: by prefix "date" found the
    # majlis evening's "dates" (the fruit), a rare word only it had, and "range day date and
    # start time?" answered the majlis rather than the range day.
    if len(word) < shortest or word in ASKING_WORDS:
        return found
    # A word the texts have whole is a word of the exercise, not a misspelling: its near
    # spellings are other words ("تدريب", training, is one letter from Urdu "تقریب", ceremony,
    # and made "التدريب على مراسم الافتتاح", the rehearsal, find the ceremony's Urdu title as
    # well as its own). Only a word found nowhere whole is read as a typo (prefixes and stems
    # still match: "raise", "raising").
    allowed = 0 if word in vocabulary else 1 if len(word) < 8 else 2
    stems = _stems(word)
    if isinstance(vocabulary, Vocabulary):
        return vocabulary.near(word, stems, allowed, found)
    for candidate in vocabulary:
        if candidate == word or len(candidate) < _fuzzy_min(candidate):
            continue
        # A shared prefix ("rehears") or an inflection of the same word ("raise", "raising").
        if candidate.startswith(word) or word.startswith(candidate) or stems & _stems(candidate):
            found[candidate] = 0.8
        elif (
            allowed
            and abs(len(word) - len(candidate)) <= 2
            and (DamerauLevenshtein.distance(word, candidate, score_cutoff=allowed) <= allowed)
        ):
            found[candidate] = 0.7
    return found


class Vocabulary(frozenset[str]):
    """The searched texts' words, indexed so that `_matches_of` finds a word's prefixes, stems
    and near spellings without comparing it with every word (issue 22: a question's new words
    cost ~1 ms each over the sample's vocabulary). `near` gives exactly what `_matches_of`'s
    walk over a plain set gives (tests/lookup/test_search_equivalence.py)."""

    # The words long enough to match by prefix, stem or typo (`_fuzzy_min`): sorted (the words
    # a query word begins are then one run), by stem and by length.
    fuzzy: list[str]
    fuzzy_set: frozenset[str]
    by_stem: dict[str, list[str]]
    by_length: dict[int, list[str]]

    def __new__(cls, texts_words: Iterable[str]) -> Vocabulary:
        self = super().__new__(cls, texts_words)
        self.fuzzy = sorted(w for w in self if len(w) >= _fuzzy_min(w))
        self.fuzzy_set = frozenset(self.fuzzy)
        by_stem: dict[str, list[str]] = defaultdict(list)
        by_length: dict[int, list[str]] = defaultdict(list)
        for candidate in self.fuzzy:
            by_length[len(candidate)].append(candidate)
            for stem in _stems(candidate):
                by_stem[stem].append(candidate)
        self.by_stem, self.by_length = dict(by_stem), dict(by_length)
        return self

    def near(
        self, word: str, stems: frozenset[str], allowed: int, found: dict[str, float]
    ) -> dict[str, float]:
        """`found` with the words sharing a prefix or a stem with `word` (0.8), then those within
        `allowed` typos of it (none: 0) and no more than 2 letters longer or shorter (0.7)."""
        close: set[str] = set()
        start = bisect.bisect_left(self.fuzzy, word)
        for candidate in itertools.islice(self.fuzzy, start, None):
            if not candidate.startswith(word):
                break
            close.add(candidate)
        close.update(word[:end] for end in range(1, len(word)) if word[:end] in self.fuzzy_set)
        for stem in stems:
            close.update(self.by_stem.get(stem, ()))
        close.discard(word)
        for candidate in close:
            found[candidate] = 0.8
        if not allowed:
            return found
        lengths = range(len(word) - 2, len(word) + 3)
        spelled = [c for n in lengths for c in self.by_length.get(n, ()) if c not in close]
        for candidate, _, _ in process.extract(
            word, spelled, scorer=DamerauLevenshtein.distance, score_cutoff=allowed, limit=None
        ):
            if candidate != word:
                found[candidate] = 0.7
        return found
