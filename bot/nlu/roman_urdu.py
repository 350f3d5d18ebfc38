"""Roman Urdu: Urdu typed in Latin letters ("namaz ki jagah kahan hai?", "mess kab khulta h").

Pakistani visitors often type Urdu this way on phones. A general detector has no Roman Urdu and
calls it English or French; Urdu's own words settle it: a message is Roman Urdu when it has one
of Urdu's own words ("kahan"; data/nlu/ur/latin_script_words.yml) and another Urdu word ("hai";
or a word other languages share, "ho", "se"), more of them than English or French function
words; or one of them in a message of at most three words with no such function word ("options
dikhao", "shukriya"). Urdu's own words are ones no English, French or Arabizi training example
uses (`tests/nlu/test_roman_urdu.py` checks that none of those examples is taken for Roman Urdu),
and a word with a digit for a letter ("a7tag") makes the message Arabizi, never Roman Urdu.

The language detector then calls the message Urdu (replies in Urdu, in Urdu script), and the
Arabizi transliterator leaves it as typed; the intent classifier reads it as typed, from the
Roman Urdu examples of data/nlu/ur/roman_urdu.yml (docs/nlu.md, "Roman Urdu").
"""

from __future__ import annotations

import itertools
import re

import bot.nlu.word_lists

# The word lists are data (data/nlu/ur/latin_script_words.yml, its comments say what each list is;
# docs/languages.md), read once here; the rules stay below. Urdu's own words ("own"):
_LISTS = bot.nlu.word_lists.load("ur")
ROMAN_URDU_WORDS = frozenset(bot.nlu.word_lists.words(_LISTS["own"]))
# English and French function words: a Roman Urdu (or Arabizi, bot/nlu/arabizi.py) message with
# a single word of its own would not have them.
LATIN_FUNCTION_WORDS = frozenset(
    [
        *("the", "a", "an", "is", "are", "was", "to", "of", "in", "on", "at", "for", "and", "or"),
        *("i", "you", "we", "my", "your", "it", "this", "that", "what", "where", "when", "how"),
        *("can", "do", "does", "there", "please", "with", "from", "le", "les", "un", "une"),
        *("des", "de", "du", "est", "et", "ou", "je", "tu", "il", "elle", "nous", "vous", "mon"),
        *("ce", "cette", "quand", "comment", "quel", "quelle", "pour", "avec", "dans", "sur"),
        *("y", "pas", "ne", "qui", "que", "sont", "c", "j", "l", "d", "qu", "s", "t", "svp"),
        *("stp", "pls", "plz", "merci", "thanks", "thank", "c'est", "quoi", "à", "qu'est"),
    ]
)
# Urdu words other languages share ("main" and "me" English, "se" and "mai" French, "ki" and
# "koi" French SMS, "ya" and "wala" Arabizi, "h" a French hour): they count only beside one of
# Urdu's own words ("tum machine ho na").
SHARED_WORDS = frozenset(_LISTS["shared"])
# At most this many words in a message with a single Roman Urdu word ...
ONE_WORD_MAX_WORDS = 3
# ... unless that word is a postposition between two others: English nouns joined by Urdu
# ("liaison desk ka phone number", "Major sahab ke office mein") are Urdu at any length.
POSTPOSITIONS = frozenset(_LISTS["postpositions"])
# An imperative with "do" (give) after a verb stem ("bata do", "bhej do", "kar do") is Urdu's
# polite request; that "do" is no English function word but a word of Urdu.
VERB_STEMS = frozenset(_LISTS["verb_stems"])
_GIVE = "do"
# Whole tokens: "ba3dein" (Arabizi) is not "dein", "d'aujourd'hui" not "hui".
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
# A digit for a letter inside a word or before one ("a7tag", "3ayez"), not times and units.
_LETTER_DIGIT = re.compile(r"[a-z][2356789]|^[2356789](?!(?:am|pm|h|hrs?|km|nd|rd|th|st)$)[a-z]")


def is_roman_urdu(text: str) -> bool:
    """Urdu in Latin letters: one of Urdu's own words and another Urdu word, more of them than
    English or French function words; or one in a message of at most three words with no
    English or French function word. A "do" after a verb stem ("bata do") is Urdu's."""
    words = _WORD.findall(text.lower())
    if any(_LETTER_DIGIT.search(word) for word in words):
        return False  # Arabizi's digits for letters ("a7tag", "mat3am"): Urdu has none
    own = sum(1 for word in words if word in ROMAN_URDU_WORDS)
    if own == 0:
        return False
    give = sum(
        1 for before, word in itertools.pairwise(words) if word == _GIVE and before in VERB_STEMS
    )
    urdu = own + give + sum(1 for word in words if word in SHARED_WORDS)
    latin = sum(1 for word in words if word in LATIN_FUNCTION_WORDS) - give
    if urdu >= 2:
        return urdu > latin
    joining = any(word in POSTPOSITIONS for word in words[1:-1])
    return latin == 0 and (len(words) <= ONE_WORD_MAX_WORDS or joining)
