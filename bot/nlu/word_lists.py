"""The word lists of the Latin-letter readers, kept as data beside each language's other lists.

bot.nlu.arabizi (Arabic typed in Latin letters) and bot.nlu.roman_urdu (Urdu typed so) keep
their rules in code and their words in `data/nlu/<lang>/latin_script_words.yml`, so a word is
added where the language's other words are, by people who know the language, without editing
Python (docs/languages.md). The files have no `nlu` key: Rasa's importer does not read them as
training data. Each is read once, when the module that needs it is imported; `digest` lets a
component's training fingerprint follow the words as it follows the code.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

import yaml

# The project's data/nlu/ (bot/ and data/ sit side by side here and in deploy/rasa.Dockerfile).
DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "nlu"
FILE_NAME = "latin_script_words.yml"


def path(lang: str) -> Path:
    """The word-list file of one language."""
    return DATA_DIR / lang / FILE_NAME


@cache
def load(lang: str) -> dict[str, Any]:
    """One language's word lists, parsed (read once per process)."""
    document = yaml.safe_load(path(lang).read_text(encoding="utf-8"))
    if not isinstance(document, dict):
        raise ValueError(f"{path(lang)}: expected a mapping of word lists")
    return document


def words(groups: list[list[str]]) -> list[str]:
    """A list of groups of words (one line of the file each) as one list, in order."""
    return [word for group in groups for word in group]


def spellings(entries: list[dict[str, list[str]]]) -> list[tuple[tuple[str, ...], str]]:
    """`- arabic: [typed, ...]` entries as (typed spellings, arabic) pairs, in order."""
    pairs: list[tuple[tuple[str, ...], str]] = []
    for entry in entries:
        for target, typed in entry.items():
            pairs.append((tuple(typed), target))
    return pairs


def digest(*langs: str) -> str:
    """A digest of the languages' word-list files, for a component's training fingerprint."""
    hashed = hashlib.sha256()
    for lang in langs:
        hashed.update(path(lang).read_bytes())
    return hashed.hexdigest()
