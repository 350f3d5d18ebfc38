"""The console's strings: every key a template or router uses exists, and reads in each console
language from its catalog (completeness itself: tests/common/test_catalogs.py)."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from lookup.console.i18n import LANGUAGES, STRINGS, translator

CONSOLE = Path(__file__).resolve().parents[2] / "lookup" / "console"


def test_every_key_used_exists() -> None:
    used: set[str] = set()
    for path in [*CONSOLE.glob("templates/*.html"), *CONSOLE.glob("*.py")]:
        used |= set(re.findall(r'\bt\(\s*"([a-z_]+)"(?!\s*~)', path.read_text(encoding="utf-8")))
    assert len(used) > 50, f"only {len(used)} t(...) calls found in {CONSOLE}"
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


def test_each_console_language_reads_its_own_words() -> None:
    assert set(LANGUAGES) == {"ar", "en", "fr", "ur"}
    assert translator("fr")("send") == "Envoyer"
    assert translator("ur")("send") == "بھیجیں"
    assert translator("ar")("signed_in_as", name="Hana") == "المستخدم: Hana"
    assert translator("de")("send") == "Send"  # no catalog: English, never a key


def test_counts_take_each_language_plural_forms() -> None:
    ar, en, fr = translator("ar"), translator("en"), translator("fr")
    assert [en("questions_count", count=n) for n in (1, 2)] == ["1 question", "2 questions"]
    assert fr("questions_count", count=0) == "0 question"  # French counts 0 as one
    assert [ar("questions_count", count=n) for n in (1, 2, 3, 11, 100)] == [
        "سؤال واحد",
        "سؤالان",
        "3 أسئلة",
        "11 سؤالًا",
        "100 سؤال",
    ]
    ur = translator("ur")  # CLDR: Urdu has a singular and a plural
    assert [ur("questions_count", count=n) for n in (1, 2)] == ["1 سوال", "2 سوالات"]


def test_each_announcement_box_reads_in_its_language_direction(officer: TestClient) -> None:
    page = officer.get("/console/announcements").text
    # From CLDR through common.i18n, not a list of right-to-left languages in the template.
    assert re.search(r'<textarea id="text-ar"[^>]*dir="rtl"', page)
    assert re.search(r'<textarea id="text-fr"[^>]*dir="ltr"', page)


def test_accept_language_is_weighed_by_quality(sqlite_client: TestClient) -> None:
    headers = {"Accept-Language": "de, fr;q=0.4, ar;q=0.7"}
    login = sqlite_client.get("/console/login", headers=headers)
    assert '<html lang="ar" dir="rtl">' in login.text  # by quality, not by position
