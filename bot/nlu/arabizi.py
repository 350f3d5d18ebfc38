"""Arabizi: Arabic typed in Latin letters and digits ("wain el mat3am?", "emta el 7afla").

Two jobs, both cheap enough for every message (a regular expression and dictionary look-ups):

- `is_arabizi` tells such a message from English or French by evidence no English or French
  sentence carries: digits standing for Arabic letters inside words (3 ع, 7 ح, 2 ء, 5 خ, 8 ق,
  9 ص, 6 ط) and Arabic words that neither language has ("wain", "emta", "shu", "3ayez", "el").
  Greetings and religious words every visitor uses ("salam", "shukran", "inshallah") are not
  evidence (bot.nlu.language_id.NEUTRAL_WORDS), nor are times, units and ordinals ("9am",
  "14h30", "2nd", "5km") or enrolment codes.
- `transliterate` writes such a message in Arabic script, word by word: a table of the words
  visitors type for this domain and everyday dialect words (the Arabic spelling the training
  data uses); else, with the words of the training data (`ArabicSpeller`, learned in training
  and kept in the model), an English or French word the examples use stays as typed ("ال
  schedule", as Arabic examples write "الـ handshake") and another word becomes the Arabic
  examples' word its consonants spell ("wasselni" → وصلني, "shabab" → شباب); else letter rules.
  The model then reads it as it reads Arabic, and the actions search the exercise's Arabic names.

`ArabiziTransliterator`, first in the pipeline, applies both to every message, in training too,
so Arabizi training examples (data/nlu/ar/arabizi.yml) become Arabic-script examples with their
entity spans moved. The typed text is kept in the parse data as `arabizi_text`.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import bot.nlu.roman_urdu
import bot.nlu.word_lists
import common.textnorm
from bot.nlu.code_fingerprint import modules_fingerprint
from bot.nlu.language_id import NEUTRAL_WORDS, PERSIAN_URDU_LETTERS, URDU_ONLY_LETTERS
from bot.nlu.per_message import each_message
from bot.nlu.roman_urdu import LATIN_FUNCTION_WORDS as _LATIN_FUNCTION_WORDS
from bot.nlu.roman_urdu import is_roman_urdu
from common.enrolment import code_in
from common.textnorm import fold

logger = logging.getLogger(__name__)

# Message attribute: what the visitor typed, set when the message was Arabizi.
ARABIZI_TEXT = "arabizi_text"

# A token: letters, digits and inner apostrophes ("3'", "ma'a"); everything else passes through.
# Accented letters are letters too ("réel" is one French word, not "r" and "el").
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*'?")
_DIGITS_AS_LETTERS = frozenset("2356789")
# Tokens with digits that are not Arabizi: times, units, ordinals, sizes, models.
_NOT_ARABIZI = re.compile(
    r"^(?:\d+(?:st|nd|rd|th|am|pm|h|hr|hrs|min|mins|km|kg|cm|mm|ml|m|g|l|e|er|re|eme|ieme|ème|ième|è|x\d+)"
    r"(?:\d+)?|\d+h\d+|[a-z]{1,2}\d+|\d+[a-z])$"
)
_VOWELS = frozenset("aeiouy")

# The word lists are data (data/nlu/ar/latin_script_words.yml, its comments say what each list
# is; docs/languages.md), read once here; the rules that use them stay below.
_LISTS = bot.nlu.word_lists.load("ar")

# Arabic words (dialect and standard) typed in Latin letters that are neither English nor French
# words ("evidence", less "not_evidence"). Each is evidence, and also in the table below.
ARABIZI_WORDS = frozenset(bot.nlu.word_lists.words(_LISTS["evidence"])) - frozenset(
    _LISTS["not_evidence"]
)

# The table: Arabizi word → the Arabic spelling the training data uses (folded: ه for ة,
# ي for ى, no hamza seat). Checked before the letter rules; an "el"/"al"/"l-" before a word
# becomes its article. A spelling listed twice takes its last Arabic, as a dict literal would.
WORDS: dict[str, str] = {}
for _typed, _arabic in bot.nlu.word_lists.spellings(_LISTS["table"]):
    WORDS.update(dict.fromkeys(_typed, _arabic))


# Everyday dialect words (Levantine, Egyptian, Gulf, Iraqi, Maghrebi) that neither English nor
# French has: each is evidence and goes to its usual Arabic spelling. (spellings, Arabic)
_DIALECT_WORDS: list[tuple[tuple[str, ...], str]] = bot.nlu.word_lists.spellings(_LISTS["dialect"])
for _spellings, _arabic in _DIALECT_WORDS:
    for _spelling in _spellings:
        WORDS.setdefault(_spelling, _arabic)
# Dialect spellings that are not evidence: English or French words ("wish", "lama", "hiya",
# "fin", "mal", "a"), names, or what English and French speakers say too ("wesh salut",
# "shukran kteer", "choukran bezzaf", ranks such as "mulazim awwal").
_DIALECT_NOT_EVIDENCE = frozenset(bot.nlu.word_lists.words(_LISTS["dialect_not_evidence"]))
ARABIZI_WORDS = ARABIZI_WORDS | {
    spelling
    for spellings, _ in _DIALECT_WORDS
    for spelling in spellings
    if " " not in spelling and spelling not in _DIALECT_NOT_EVIDENCE
}

# Letter rules for the words the table does not have, longest first.
_LETTERS: list[tuple[str, str]] = [
    ("3'", "غ"),
    ("9'", "ض"),
    ("6'", "ظ"),
    ("7'", "خ"),
    ("kh", "خ"),
    ("gh", "غ"),
    ("sh", "ش"),
    ("ch", "ش"),
    ("th", "ث"),
    ("dh", "ذ"),
    ("ou", "و"),
    ("oo", "و"),
    ("ee", "ي"),
    ("ei", "ي"),
    ("ai", "اي"),
    ("ay", "اي"),
    ("aa", "ا"),
    ("2", "ء"),
    ("3", "ع"),
    ("5", "خ"),
    ("6", "ط"),
    ("7", "ح"),
    ("8", "ق"),
    ("9", "ص"),
    ("b", "ب"),
    ("p", "ب"),
    ("t", "ت"),
    ("j", "ج"),
    ("g", "ج"),
    ("d", "د"),
    ("r", "ر"),
    ("z", "ز"),
    ("s", "س"),
    ("f", "ف"),
    ("v", "ف"),
    ("q", "ق"),
    ("k", "ك"),
    ("c", "ك"),
    ("x", "كس"),
    ("l", "ل"),
    ("m", "م"),
    ("n", "ن"),
    ("h", "ه"),
    ("w", "و"),
    ("y", "ي"),
    ("i", "ي"),
    ("o", "و"),
    ("u", "و"),
]
# A separate article, or preposition and article, joined to the word after it.
_ARTICLES = {
    **dict.fromkeys(["el", "al", "il", "l"], "ال"),
    **dict.fromkeys(["bel", "bil", "bl"], "بال"),
    **dict.fromkeys(["fel", "fil"], "في ال"),
    **dict.fromkeys(["lel", "lil", "lal"], "لل"),
    **dict.fromkeys(["wel", "wil"], "وال"),
    **dict.fromkeys(["3al", "3el"], "علي ال"),
}
# At most this many words in a message with one word of Arabizi evidence.
_ONE_EVIDENCE_MAX_WORDS = 4
# Darija writes the article and "of" as words of their own ("fin l mosalla", "l programme d
# ghedda"); French elides them onto the next word ("l'adresse", "d'accord", one token here), so
# alone they are not French function words in this count. A lower-case "l" before a word is
# itself one word of evidence in a message of at least this many words ("fin l clinique?"): in
# two ("l adresse?") it may be French typed in haste, and the conversation decides.
_DARIJA_SHORT_WORDS = frozenset(["l", "d"])
_LATIN_FUNCTION_WORDS_NOT_DARIJA = _LATIN_FUNCTION_WORDS - _DARIJA_SHORT_WORDS
# Politeness words visitors type whatever their language ("schedule bukra pls", "shuttle emta
# please", "wifi 3afak merci") show a writer who knows a few English or French words, not an
# English or French sentence: beside an Arabic word that is more than an article or preposition
# they are no function words in this count. Beside only such a particle they still are: "bil
# arabi please" is English asking for Arabic.
_POLITE_WORDS = frozenset(["please", "pls", "plz", "svp", "stp", "merci", "thanks", "thank"])
_LATIN_FUNCTION_WORDS_NOT_POLITE = _LATIN_FUNCTION_WORDS_NOT_DARIJA - _POLITE_WORDS
_ARTICLE_ALONE = re.compile(r"(?<![^\s(\"«])l\s+(?=[^\W\d_])")
_ARTICLE_EVIDENCE_MIN_WORDS = 3
_ATTACHED_ARTICLE = re.compile(r"^(?:el|al|il|l-)-?(?=[a-z0-9]{3,})")
_PREFIXED_ARTICLE = re.compile(
    r"^(?:(w|b|f)(?:el|al|il)-?|(3)al-?)(?=[b-df-hj-np-tv-z2-9][a-z0-9]{2,})"
)
_PREFIX_LETTER = {"w": "و", "b": "ب", "f": "ف", "3": "ع"}


# An enrolment code written in its groups (common.enrolment), which stays as typed.
_GROUPED_CODE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z0-9]{4}[-\u2010-\u2014\u2212][A-Za-z0-9]{4}[-\u2010-\u2014\u2212]"
    r"[A-Za-z0-9]{2}(?![A-Za-z0-9])"
)
# Expressions of several words that visitors of every language use ("fi amanillah", "wi fi",
# "sabah el kheir" spelled the English or French way), and English SMS spellings with digits.
_NEUTRAL_EXPRESSIONS = re.compile(
    r"\bfi\s*aman\s*(?:i|a)?\s*llah\b|\bfi\s+aman\b|\bwi[\s-]*fi\b"
    r"|\b(?:sabah|saba|masa|masaa)\s+[ae]l[\s-]*(?:kheir|khair|khayr|kher|khir)\b"
)
_SMS_WITH_DIGITS = frozenset(
    [
        *("2moro", "2morrow", "2mrw", "2mor", "2moz", "2day", "2nite", "2night", "gr8", "l8r"),
        *("l8", "m8", "w8", "b4", "2u", "2go", "h8"),
    ]
)


# The Arabic words of the training data guide the spelling of a word the table lacks: its
# consonants, each Latin letter standing for the Arabic letters it is typed for, must match a
# word the Arabic examples use, written nearly as the letter rules write it ("shabab" → شباب, not
# شبب; "wasselni" → وصلني; "usbo3" → اسبوع). So the Arabic-script examples teach Arabizi too.
_SPELLER_FILE = "arabic_words.json"
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
# Letters that are vowels (or a hamza's seat) in a skeleton: left out of it.
_SKELETON_VOWELS = frozenset("اويىءئؤأإآة")
_SOFT_LETTERS = frozenset("اويه")  # cheap to add, drop or swap in the spelling distance
_WORD_PREFIXES = ("وال", "بال", "فال", "لل", "ال")
# Latin letters (longest first) and the Arabic consonants each is typed for.
_CONSONANTS: list[tuple[str, str]] = [
    *[("kh", "خ"), ("gh", "غق"), ("sh", "ش"), ("ch", "ش"), ("th", "ثذ"), ("dh", "ذضظ")],
    *[("3'", "غ"), ("9'", "ض"), ("6'", "ظ"), ("7'", "خ"), ("b", "ب"), ("p", "ب"), ("t", "تط")],
    *[("6", "طت"), ("j", "ج"), ("g", "جقغ"), ("q", "ق"), ("k", "كق"), ("c", "ك"), ("8", "قغ")],
    *[("2", "ق"), ("3", "ع"), ("h", "هح"), ("7", "ح"), ("5", "خ"), ("r", "ر"), ("z", "زذظ")],
    # 9 is sad in the Gulf, qaf in the Maghreb ("n9der")
    *[("s", "سصث"), ("9", "صق"), ("f", "ف"), ("v", "ف"), ("l", "ل"), ("m", "م"), ("n", "ن")],
    *[("d", "دض"), ("x", "ك")],
]
# How far (in _distance) the chosen word may be from what the letter rules wrote.
_MAX_DISTANCE = 1.0
_SPELLED_EVIDENCE_MIN = 4
_MIN_LATIN_COUNT = 2  # an English or French word seen once may be a typo or a name
_MIN_SKELETON = 2
# Words whose spelling ArabicSpeller remembers: every Latin word a visitor types is one, so the
# memory is emptied when full rather than left to grow for as long as the server runs.
_SPELL_CACHE_SIZE = 50_000


def _arabic_skeleton(word: str) -> str:
    """An Arabic word's consonants, doubled ones once, a last ه (ta marbuta, folded) left out."""
    if word.endswith("ه"):
        word = word[:-1]
    letters = [char for char in word if char not in _SKELETON_VOWELS]
    return "".join(char for i, char in enumerate(letters) if i == 0 or letters[i - 1] != char)


def _latin_skeleton(word: str) -> list[str]:
    """A Latin word's consonants, each as the set of Arabic letters it may stand for."""
    out: list[str] = []
    i = 0
    while i < len(word):
        for latin, arabic in _CONSONANTS:
            if word.startswith(latin, i):
                if not out or out[-1] != arabic:
                    out.append(arabic)
                i += len(latin)
                break
        else:
            i += 1
    if word.endswith("h") and out and out[-1] == "هح" and word[-2:] not in _DIGRAPH_ENDS:
        out.pop()  # "sa3ah": a final h is the ta marbuta's sound
    return out


_DIGRAPH_ENDS = frozenset(["sh", "kh", "gh", "ch", "th", "dh"])


def _distance(typed: str, known: str) -> float:
    """Edit distance between two Arabic spellings, vowel letters and ه costing half, and so
    does a consonant typed the same way as the one it replaces (ت for ط, ص for ق)."""

    def cost(char: str) -> float:
        return 0.5 if char in _SOFT_LETTERS else 1.0

    previous = [0.0]
    for char in known:
        previous.append(previous[-1] + cost(char))
    for a in typed:
        current = [previous[0] + cost(a)]
        for j, b in enumerate(known, 1):
            swap = 0.0 if a == b else 0.5 if _alike(a, b) else 1.0
            current.append(
                min(previous[j] + cost(a), current[j - 1] + cost(b), previous[j - 1] + swap)
            )
        previous = current
    return previous[-1] + (0.0 if typed[:1] == known[:1] or _alike(typed[0], known[0]) else 1.0)


def _alike(a: str, b: str) -> bool:
    """Two letters one Latin letter is typed for, or two vowel letters."""
    return (a in _SOFT_LETTERS and b in _SOFT_LETTERS) or frozenset((a, b)) in _TYPED_ALIKE


_TYPED_ALIKE = frozenset(
    frozenset((a, b)) for _, options in _CONSONANTS for a in options for b in options if a != b
)


class ArabicSpeller:
    """The Arabic words of the training examples, indexed by consonant skeleton, and the words
    of their English and French examples ("schedule", "check", "drone"): an Arabizi message
    keeps those in Latin letters, as Arabic examples do ("وين الـ in-processing"), so the
    examples that use them count."""

    def __init__(self, counts: dict[str, int], latin: Iterable[str] = ()) -> None:
        self.counts = dict(counts)
        self.latin = frozenset(latin)
        self._index: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
        for word, count in self.counts.items():
            skeleton = _arabic_skeleton(word)
            if len(skeleton) >= _MIN_SKELETON:
                self._index[len(skeleton)].append((word, skeleton, count))
        self._cache: dict[str, Optional[str]] = {}

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> ArabicSpeller:
        """Counts the words (article and w-/b-/f-/l- prefixes off) of Arabic texts; texts with
        Urdu or Persian letters are not Arabic."""
        counts: Counter[str] = Counter()
        latin: Counter[str] = Counter()
        for text in texts:
            if not text or URDU_ONLY_LETTERS.intersection(text):
                continue
            if not _ARABIC_WORD.search(text):
                if not is_arabizi(text):
                    latin.update(w for w in _TOKEN.findall(text.lower()) if w.isalpha())
                continue
            if PERSIAN_URDU_LETTERS.intersection(text):
                continue
            for word in _ARABIC_WORD.findall(fold(text)):
                counts[_without_article(word)] += 1
        return cls(counts, (word for word, n in latin.items() if n >= _MIN_LATIN_COUNT))

    def is_latin(self, word: str) -> bool:
        """Whether an English or French example has this (lower-case) word, not the table."""
        return word in self.latin and word not in WORDS and word not in ARABIZI_WORDS

    def spell(self, word: str, ruled: str) -> Optional[str]:
        """The training data's word for a Latin `word` (whose letter-rule spelling is `ruled`),
        or None when none is near enough."""
        if word in self._cache:
            return self._cache[word]
        skeleton = _latin_skeleton(word)
        # A "2" is a qaf or a hamza: try each without it too.
        optional = [i for i, arabic in enumerate(skeleton) if arabic == "ق"] if "2" in word else []
        best: Optional[tuple[tuple[float, int], str]] = None
        for n in range(len(optional) + 1):
            for dropped in itertools.combinations(optional, n):
                shape = [arabic for i, arabic in enumerate(skeleton) if i not in dropped]
                if len(shape) < _MIN_SKELETON:
                    continue
                for known, known_skeleton, count in self._index.get(len(shape), ()):
                    if all(c in options for c, options in zip(known_skeleton, shape, strict=True)):
                        key = (_distance(ruled, known), -count)
                        if best is None or key < best[0]:
                            best = (key, known)
        found = best[1] if best is not None and best[0][0] <= _MAX_DISTANCE else None
        if len(self._cache) >= _SPELL_CACHE_SIZE:
            self._cache.clear()
        self._cache[word] = found
        return found


def _without_article(word: str) -> str:
    for prefix in _WORD_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


# A ten-character Arabizi word made of the code alphabet's letters and digits ("mayenfa3sh",
# "ma3andaksh") has an enrolment code's shape (common/enrolment.py). Such a word reads as a word:
# lower-case, at least three vowels, never three consonants running (a digit is one, "sh" is
# one), one or two digits standing for letters, none side by side, and its letter pairs those of
# the table's words (one may be new). About 5 in 10,000 random codes typed in lower case read so
# (tests/bot/test_enrolment_code.py measures it); a code in capitals, hyphenated or alone in its
# message is always a code.
_SOUND_UNITS = re.compile(r"sh|kh|gh|th|dh|ch|.")
_WORD_VOWELS = frozenset("aeiouy")
_LETTER_DIGITS = frozenset("2356789")


def _letter_pairs(words: Iterable[str]) -> frozenset[str]:
    pairs: set[str] = set()
    for word in words:
        if " " not in word:
            marked = f"^{word}$"
            pairs.update(marked[i : i + 2] for i in range(len(marked) - 1))
    return frozenset(pairs)


def reads_as_arabizi_word(token: str) -> bool:
    """Whether a code-shaped token reads as an Arabizi word rather than a random code."""
    if any(char.isupper() for char in token[1:]):
        return False  # codes are handed out in capitals
    word = token.lower()
    digits = [char for char in word if char.isdigit()]
    if not 1 <= len(digits) <= 2 or not _LETTER_DIGITS.issuperset(digits):
        return False
    if re.search(r"\d\d", word) or sum(char in _WORD_VOWELS for char in word) < 3:
        return False
    run = 0
    for unit in _SOUND_UNITS.findall(word):
        run = 0 if unit in _WORD_VOWELS else run + 1
        if run >= 3:
            return False
    marked = f"^{word}$"
    unseen = sum(marked[i : i + 2] not in _TABLE_PAIRS for i in range(len(marked) - 1))
    return unseen <= 1


_TABLE_PAIRS = _letter_pairs([*WORDS, *ARABIZI_WORDS])


def is_code_token(token: str, alone: bool) -> bool:
    """Whether one token is an enrolment code: code-shaped, and, unless it is the message's only
    word, not reading as an Arabizi word (bot.nlu.enrolment_code decides the same way)."""
    return code_in(token) is not None and (alone or not reads_as_arabizi_word(token))


def _evidence(token: str) -> bool:
    """Whether one lower-case token shows Arabizi (see the module's docstring)."""
    if token in NEUTRAL_WORDS:
        return False
    if token in ARABIZI_WORDS:
        return True
    if token in _SMS_WITH_DIGITS:
        return False
    stripped = token.replace("'", "").replace("’", "")
    if not any(c in _DIGITS_AS_LETTERS for c in stripped) or _NOT_ARABIZI.match(stripped):
        return False
    letters = sum(c.isalpha() for c in stripped)
    if letters < 2 or not _VOWELS.intersection(stripped):
        return False
    for i, char in enumerate(stripped):
        if char not in _DIGITS_AS_LETTERS:
            continue
        before = stripped[i - 1].isalpha() if i > 0 else False
        after = stripped[i + 1].isalpha() if i + 1 < len(stripped) else False
        if (before and after and letters >= 3) or (i == 0 and after) or (before and not after):
            return True
    return False


def is_arabizi(text: str, speller: Optional[ArabicSpeller] = None) -> bool:
    """Whether a message with no Arabic letters is Arabic typed in Latin letters and digits:
    two words of evidence, or one in a short message with no English or French function word.
    With the training data's words (`speller`), a word no English or French example has that
    spells an Arabic example's word ("shabab", "wasselni") is evidence too."""
    if any("\u0600" <= char <= "\u06ff" for char in text):
        return False
    lowered = _NEUTRAL_EXPRESSIONS.sub(" ", _GROUPED_CODE.sub(" ", text.lower()))
    words = [token for token in _TOKEN.findall(lowered) if any(c.isalpha() for c in token)]
    # An enrolment code says nothing about the language ("mayenfa3sh" has a code's shape too).
    alone = len(words) == 1
    counted = [
        token for token in words if token not in NEUTRAL_WORDS and not is_code_token(token, alone)
    ]
    evidence = sum(_evidence(token) for token in counted)
    if len(counted) >= _ARTICLE_EVIDENCE_MIN_WORDS and _ARTICLE_ALONE.search(text):
        evidence += 1  # Darija's article on its own ("wa9tach l ftour", "fin l mosalla")
    latin = _LATIN_FUNCTION_WORDS_NOT_DARIJA
    if any(token not in _ARTICLES and _evidence(token) for token in counted):
        latin = _LATIN_FUNCTION_WORDS_NOT_POLITE
    if evidence == 1 and len(counted) > 1 and not latin.intersection(counted):
        # A second word, that reads as Arabic only by the training data's words, settles it.
        evidence += any(
            not _evidence(token) and _spelled_evidence(token, speller) for token in counted
        )
    if evidence >= 2:
        # A French or English sentence that quotes an Arabic term with its article ("la prière
        # du vendredi (el joumou3a), c'est à quelle heure ?") is French or English: answered in
        # Arabic, its writer could not read the answer. Darija mixed with French ("wach kayn la
        # piscine") has more Arabic words than function words, as every Arabizi example has.
        return evidence > sum(token in latin for token in counted)
    return (
        evidence == 1
        and len(counted) <= _ONE_EVIDENCE_MAX_WORDS
        and not latin.intersection(counted)
    )


def _spelled_evidence(token: str, speller: Optional[ArabicSpeller]) -> bool:
    """A word of at least four letters that no English or French example has and that spells an
    Arabic example's word."""
    if speller is None or len(token) < _SPELLED_EVIDENCE_MIN or not token.isalpha():
        return False
    if token in speller.latin or token in _LATIN_FUNCTION_WORDS:
        return False
    return speller.spell(token, _letters(token)) is not None


def _letters(word: str) -> str:
    """A word the table lacks, by letter rules: long vowels written, short ones inside a word
    dropped (but "i"), a first vowel as alef, a last "a"/"e" as ta marbuta (folded to ه)."""
    out, i = [], 0
    while i < len(word):
        char = word[i]
        if char in "aeiou" and word[i : i + 2] not in ("ou", "oo", "ee", "ei", "ai", "ay", "aa"):
            if i == 0:
                out.append("ا")
            elif i == len(word) - 1:
                out.append("ه" if char in "ae" else "ي" if char == "i" else "و")
            elif char == "i":
                out.append("ي")
            i += 1
            continue
        if char == "2" and i < len(word) - 1:
            out.append("ق")  # a glottal stop inside a word is mostly qaf ("2orayeb", "a2ool")
            i += 1
            continue
        if i > 0 and char == word[i - 1] and char.isalpha():
            i += 1  # a doubled consonant is one letter (with a shadda nobody types)
            continue
        for latin, arabic in _LETTERS:
            if word.startswith(latin, i):
                out.append(arabic)
                i += len(latin)
                break
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _word(word: str, speller: Optional[ArabicSpeller] = None) -> str:
    """One lower-case Arabizi word in Arabic script (articles and w-/b-/f- prefixes joined)."""
    listed = _table(word)
    if listed is not None:
        return listed
    if speller is not None and speller.is_latin(word):
        return word  # "check", "schedule": as the English examples and Arabic ones write it
    prefixed = _PREFIXED_ARTICLE.match(word)
    if prefixed:
        letter = _PREFIX_LETTER[prefixed.group(1) or prefixed.group(2)]
        return letter + "ال" + _stem(word[prefixed.end() :], speller)
    attached = _ATTACHED_ARTICLE.match(word)
    if attached:
        return "ال" + _stem(word[attached.end() :], speller)
    return _spelled(word, speller)


def _table(word: str) -> Optional[str]:
    """The table's spelling, also of a word typed with a last hamza ("liwa2", "masa2"), which
    the Arabic data's folding drops."""
    if word in WORDS:
        return WORDS[word]
    if word.endswith("2") and len(word) > 2:
        return WORDS.get(word[:-1])
    return None


# Words whose meaning after an article is another: "el bas" is the bus, "bas" alone "only".
_AFTER_ARTICLE = {"bas": "باص", "bass": "باص"}


def _spelled(word: str, speller: Optional[ArabicSpeller]) -> str:
    """A word the table lacks: the letter rules, or the training data's word they nearly spell."""
    ruled = _letters(word)
    if speller is None or word.isdigit():
        return ruled
    return speller.spell(word, ruled) or ruled


def _stem(word: str, speller: Optional[ArabicSpeller] = None) -> str:
    """A word after an article: the table's form without its own article."""
    arabic = _AFTER_ARTICLE.get(word) or _table(word) or _spelled(word, speller)
    return arabic[2:] if arabic.startswith("ال") else arabic


def transliterate_with_offsets(
    text: str, speller: Optional[ArabicSpeller] = None
) -> tuple[str, list[int]]:
    """`text` in Arabic script, and for each typed offset (and the end) the offset in the result,
    so annotated entity spans follow the text. Words only: spaces, punctuation, enrolment codes
    and anything not a Latin word pass through ("?" becomes "؟")."""
    pieces: list[str] = []
    offsets = [0] * (len(text) + 1)
    position = 0
    at = 0
    tokens = list(_TOKEN.finditer(text))
    index = 0
    pending_article = False
    article = "ال"
    codes = [code.span() for code in _GROUPED_CODE.finditer(text)]
    alone = sum(any(c.isalpha() for c in token.group(0)) for token in tokens) == 1
    while index < len(tokens):
        match = tokens[index]
        for i in range(at, match.start()):  # what lies between words
            offsets[i] = position
            piece = "؟" if text[i] == "?" else "،" if text[i] == "," else text[i]
            if pending_article and text[i] in " -":
                piece = ""  # "el mat3am": the article joins its word
            pieces.append(piece)
            position += len(piece)
        token = match.group(0)
        lower = token.lower()
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        article_next = (
            lower in _ARTICLES
            and following is not None
            and text[match.end() : following.start()] in (" ", "-")
            and any(c.isalpha() for c in following.group(0))
            and len(following.group(0)) >= 2
        )
        if token.isdigit() or is_code_token(token, alone) or _in_spans(match.start(), codes):
            arabic = token  # a number, or what may be an enrolment code, stays as typed
        elif article_next:
            arabic = ""
        elif pending_article and speller is not None and speller.is_latin(lower):
            arabic = article + " " + lower  # "el schedule": "ال schedule", as in "الـ handshake"
        elif pending_article:
            arabic = article + _stem(lower, speller)
        else:
            arabic = _word(lower, speller)
        pending_article = article_next
        article = _ARTICLES.get(lower, "ال")
        start = position
        for i in range(match.start(), match.end()):
            offsets[i] = start
        pieces.append(arabic)
        position += len(arabic)
        at = match.end()
        index += 1
    for i in range(at, len(text)):
        offsets[i] = position
        piece = "؟" if text[i] == "?" else "،" if text[i] == "," else text[i]
        pieces.append(piece)
        position += len(piece)
    offsets[len(text)] = position
    return "".join(pieces), offsets


def _in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def offsets_into(typed: str, arabic: str) -> list[int]:
    """For each offset of an Arabizi message (and its end), the offset in the Arabic form a
    model wrote (the parse data's text), which evaluation needs to move annotated spans: the
    words of that form, as the only words a speller knows, spell the typed words again. When
    that does not give the same text, the letter rules' offsets (a near miss)."""
    latin = [word for word in _TOKEN.findall(arabic.lower()) if word.isascii()]
    arabic_words = Counter(_without_article(word) for word in _ARABIC_WORD.findall(fold(arabic)))
    replayed, offsets = transliterate_with_offsets(typed, ArabicSpeller(arabic_words, latin))
    if replayed == arabic:
        return offsets
    return transliterate_with_offsets(typed)[1]


def transliterate(text: str, speller: Optional[ArabicSpeller] = None) -> str:
    """An Arabizi message in Arabic script (transliterate_with_offsets without the offsets)."""
    return transliterate_with_offsets(text, speller)[0]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=True)
class ArabiziTransliterator(GraphComponent):
    """First in the pipeline: an Arabizi message continues in Arabic script (so the language
    detector calls it Arabic by its script), the typed text kept as `arabizi_text`. Training
    keeps the Arabic examples' words in the model (ArabicSpeller) to spell what the table lacks."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            # false: Arabizi is only marked (arabizi_text), its text left as typed; the language
            # detector still calls it Arabic. For measuring the ways of handling it (docs/nlu.md).
            "transliterate": True,
            # false: letter rules alone for the words the table lacks (docs/nlu.md compares).
            "spell_from_training_data": True,
        }

    def __init__(
        self,
        config: Dict[str, Any],
        speller: Optional[ArabicSpeller] = None,
        model_storage: Optional[ModelStorage] = None,
        resource: Optional[Resource] = None,
    ) -> None:
        config = {**self.get_default_config(), **config}
        self.transliterate = bool(config["transliterate"])
        self.speller = speller if config["spell_from_training_data"] else None
        self._model_storage = model_storage
        self._resource = resource

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ArabiziTransliterator:
        return cls(config, None, model_storage, resource)

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """The letter rules are module code and the word lists data files (bot.nlu.word_lists):
        a change in either must retrain."""
        code = modules_fingerprint(
            sys.modules[__name__], common.textnorm, bot.nlu.roman_urdu, bot.nlu.word_lists
        )
        return f"{code}-{bot.nlu.word_lists.digest('ar', 'ur')}"

    def train(self, training_data: TrainingData) -> Resource:
        """Counts the words of the Arabic-script examples and keeps them in the model."""
        speller = ArabicSpeller.from_texts(m.get(TEXT) for m in training_data.training_examples)
        assert self._model_storage is not None and self._resource is not None, "Rasa's graph"
        with self._model_storage.write_to(self._resource) as directory:
            (directory / _SPELLER_FILE).write_text(
                json.dumps(
                    {"arabic": speller.counts, "latin": sorted(speller.latin)}, ensure_ascii=False
                ),
                "utf-8",
            )
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> ArabiziTransliterator:
        """The Arabic words kept in the model; a model from before (not trainable then) has
        none and spells by the letter rules alone, as before."""
        try:
            with model_storage.read_from(resource) as directory:
                kept = json.loads((directory / _SPELLER_FILE).read_text("utf-8"))
            speller: Optional[ArabicSpeller] = ArabicSpeller(kept["arabic"], kept["latin"])
        except (ValueError, FileNotFoundError):
            logger.info("ArabiziTransliterator: no Arabic words in the model; letter rules only")
            speller = None
        return cls(config, speller, model_storage, resource)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        each_message(training_data.training_examples, self._convert)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        return each_message(messages, self._convert)

    def _convert(self, message: Message) -> None:
        text = message.get(TEXT)
        if not text or is_roman_urdu(text) or not is_arabizi(text, self.speller):
            return  # Roman Urdu ("mess kab khulta hai") is Urdu, read as typed
        message.set(ARABIZI_TEXT, text, add_to_output=True)
        if not self.transliterate:
            return
        arabic, offsets = transliterate_with_offsets(text, self.speller)
        message.set(TEXT, arabic)
        for entity in message.get(ENTITIES) or []:
            if "start" in entity and "end" in entity:
                start = offsets[entity["start"]]
                end = max(start, offsets[entity["end"]])
                if entity.get("value") == text[entity["start"] : entity["end"]]:
                    entity["value"] = arabic[start:end]
                entity["start"], entity["end"] = start, end
