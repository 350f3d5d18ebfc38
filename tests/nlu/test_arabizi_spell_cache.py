"""ArabicSpeller's memory of spelled words is bounded: a server that runs for weeks sees every
Latin word its visitors type, and each was kept for good."""

from __future__ import annotations

import pytest

import bot.nlu.arabizi
from bot.nlu.arabizi import ArabicSpeller

TEXTS = ["وين المطعم", "متى الغدا", "وين السكن", "كيف اروح للمطار", "مين الضابط المناوب"]
WORDS = [("mat3am", "مطعم"), ("sakan", "سكن"), ("matar", "مطار"), ("ghada", "غدا"), ("xyzq", "")]


def test_the_memory_is_emptied_when_full_and_spellings_stay_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = [ArabicSpeller.from_texts(TEXTS).spell(word, ruled) for word, ruled in WORDS]
    monkeypatch.setattr(bot.nlu.arabizi, "_SPELL_CACHE_SIZE", 3)
    speller = ArabicSpeller.from_texts(TEXTS)
    for _ in range(3):
        found = [speller.spell(word, ruled) for word, ruled in WORDS]
        assert found == expected
        assert len(speller._cache) <= 3
