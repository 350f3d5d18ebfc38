"""The console's strings: every one in Arabic, English and French, with the same placeholders,
and every key a template or router uses exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

from lookup.console.i18n import LANGUAGES, STRINGS

CONSOLE = Path(__file__).resolve().parents[2] / "bot" / "lookup" / "console"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_string_exists_in_every_language_with_the_same_placeholders() -> None:
    for key, texts in STRINGS.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(text.strip() for text in texts.values()), key
        assert len({frozenset(placeholders(text)) for text in texts.values()}) == 1, key


def test_every_key_used_exists() -> None:
    used: set[str] = set()
    for path in [*CONSOLE.glob("templates/*.html"), *CONSOLE.glob("*.py")]:
        used |= set(re.findall(r'\bt\(\s*"([a-z_]+)"(?!\s*~)', path.read_text(encoding="utf-8")))
    assert used, "no t(...) calls found"
    assert used - STRINGS.keys() == set()
    # Keys built at run time: reasons, statuses, resolutions, transcript speakers and events.
    for prefix, names in {
        "reason_": ["asked", "fallback", "lookup_failed", "handoff"],
        "status_": ["open", "closed", "pending", "sent", "failed"],
        "resolution_": ["answer", "training", "dismissed"],
        "speaker_": ["visitor", "bot", "system"],
        "event_": ["handed_back", "handback_failed", "closed"],
    }.items():
        for name in names:
            assert prefix + name in STRINGS
