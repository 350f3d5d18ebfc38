"""Text normalisation for matching: one function used for search and for NLU, standard library only.

Folds what varies in how people type the same word: Arabic diacritics, tatweel, alef/hamza forms,
alef maqsura and ta marbuta, Arabic-Indic digits; Latin accents and case. Urdu's own yeh, keheh and
heh forms (ی ک ہ ھ ۃ) fold to the Arabic letters, because many Urdu speakers type on an Arabic
keyboard (ي ك ه) and Arabic speakers on a Persian one: the same word either way. The Urdu-only
letters that keyboards cannot confuse (ٹ ڈ ڑ ں ے) stay, and language ID reads the typed text.
"""

from __future__ import annotations

import re
import unicodedata

_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ـ": None,  # tatweel
        "ء": None,
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{
            chr(0x06F0 + d): str(d) for d in range(10)
        },  # Eastern Arabic-Indic digits (Urdu, Persian)
    }
)
# Urdu's (and Persian's) own forms of letters Arabic keyboards type as ي ك ه.
_KEYBOARD_FOLD = str.maketrans(
    {
        "ی": "ي",  # Urdu/Persian yeh
        "ک": "ك",  # keheh
        "ہ": "ه",  # heh goal
        "ھ": "ه",  # heh doachashmee (Arabic keyboards have only ه)
        "ۃ": "ه",  # teh marbuta goal
    }
)
_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str, keyboard_forms: bool = True) -> str:
    """Lower-case text with marks removed and Arabic letter variants unified; with
    `keyboard_forms=False`, Urdu's ی ک ہ ھ ۃ stay apart from Arabic's ي ك ه (language ID tells
    the two languages apart by those very letters)."""
    decomposed = unicodedata.normalize("NFKD", text)
    unmarked = "".join(char for char in decomposed if not unicodedata.combining(char))
    folded = unicodedata.normalize("NFC", unmarked).translate(_ARABIC_FOLD).casefold()
    return folded.translate(_KEYBOARD_FOLD) if keyboard_forms else folded


def words(text: str, keyboard_forms: bool = True) -> list[str]:
    """Folded words of a text, Arabic definite article and attached conjunctions stripped."""
    return [_strip_arabic_prefix(word) for word in _WORD.findall(fold(text, keyboard_forms))]


def _strip_arabic_prefix(word: str) -> str:
    for prefix in ("وال", "بال", "فال", "كال", "لل", "ال"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """fold(text), and for each original offset (and the end) the matching folded offset, so
    annotated spans can follow the text through normalisation."""
    pieces, offsets, position = [], [], 0
    for char in text:
        offsets.append(position)
        folded = fold(char)
        pieces.append(folded)
        position += len(folded)
    offsets.append(position)
    return "".join(pieces), offsets
