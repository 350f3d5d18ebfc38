"""What a visitor typed, made safe to store, show and write to files: control and format
characters (Unicode Cc, Cf) and lone surrogates (Cs) are removed at intake.

Why: an escape character (U+001B) made the training-suggestion YAML unparsable, bidi overrides
(U+202A-U+202E, U+2066-U+2069) can make a line read differently in the console than it is
stored, and a lone surrogate cannot be encoded for the database at all. Kept: tab, line feed and
carriage return (ordinary whitespace), and the zero-width non-joiner and joiner (U+200C, U+200D),
which Persian and Urdu spelling and emoji sequences need and which cannot reorder text.
"""

from __future__ import annotations

import unicodedata

KEPT = frozenset("\t\n\r\u200c\u200d")
REMOVED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})


def clean(text: str) -> str:
    """`text` without control, format or surrogate characters (except those in KEPT)."""
    if text.isprintable():  # the common case, checked in C: nothing to remove
        return text
    return "".join(
        char
        for char in text
        if char in KEPT or unicodedata.category(char) not in REMOVED_CATEGORIES
    )


def has_unsafe(text: str) -> bool:
    """Whether `text` holds a character `clean` would remove (for ids, refused rather than
    changed: an id must stay exactly what the channel sent)."""
    return clean(text) != text
