"""What an enrolment code looks like (issue 19), for the lookup service (which makes and checks
codes) and the bot (which spots one in a message, in any language, before any intent counts).

Ten characters from a 31-letter alphabet without look-alikes (no 0/O, 1/I/L), written
XXXX-XXXX-XX: 31**10 ≈ 8·10**14 codes."""

from __future__ import annotations

import re

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 10
_CHAR = "[A-HJKMNP-Za-hjkmnp-z2-9]"
_DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2212]"  # hyphens and dashes phones and editors put in
_EDGE_BEFORE = r"(?<![A-Za-z0-9])"
_EDGE_AFTER = r"(?![A-Za-z0-9])"
# As a visitor writes it inside a sentence: the three groups with hyphens (any case), or the ten
# characters run together when at least one is a digit (an ordinary ten-letter word is not a code).
_GROUPED = re.compile(
    rf"{_EDGE_BEFORE}({_CHAR}{{4}}){_DASH}({_CHAR}{{4}}){_DASH}({_CHAR}{{2}}){_EDGE_AFTER}"
)
_RUN = re.compile(rf"{_EDGE_BEFORE}({_CHAR}{{{LENGTH}}}){_EDGE_AFTER}")


def canonical(text: str) -> str | None:
    """`text` (one code: any case, hyphens, spaces around) as stored, or None if it is not one."""
    letters = re.sub(rf"(?:{_DASH}|\s)", "", text.strip()).upper()
    if len(letters) != LENGTH or any(c not in ALPHABET for c in letters):
        return None
    return letters


def code_in(message: str) -> str | None:
    """The first code-shaped token in a message, canonical, or None."""
    grouped = _GROUPED.search(message)
    if grouped:
        return "".join(grouped.groups()).upper()
    for match in _RUN.finditer(message):
        token = match.group(1)
        if any(c.isdigit() for c in token) and any(c.isalpha() for c in token):
            return token.upper()
    return None


def written(letters: str) -> str:
    """A canonical code as people are given it: XXXX-XXXX-XX."""
    return f"{letters[:4]}-{letters[4:8]}-{letters[8:]}"
