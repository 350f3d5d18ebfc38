"""The Latin-letter readers' word lists are data (bot/nlu/word_lists.py): read from
data/nlu/<lang>/latin_script_words.yml, and never read by Rasa as training data."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.data import get_data_files, is_nlu_file

import bot.nlu.arabizi as arabizi
import bot.nlu.roman_urdu as roman_urdu
from bot.nlu import word_lists

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_the_word_lists_are_not_training_data(lang: str) -> None:
    path = ROOT / "data" / "nlu" / lang / word_lists.FILE_NAME
    assert path == word_lists.path(lang) and path.exists()
    assert not is_nlu_file(str(path))
    assert str(path) not in get_data_files([str(ROOT / "data" / "nlu")], is_nlu_file)


def test_arabizi_reads_its_words_from_the_file() -> None:
    lists = word_lists.load("ar")
    for typed, _arabic in word_lists.spellings(lists["table"]):
        for spelling in typed:
            assert spelling in arabizi.WORDS
    assert arabizi.WORDS["wain"] == "وين" and arabizi.WORDS["khassni"] == "خاصني"
    # a spelling in both lists keeps the table's Arabic (the dialect list only fills gaps)
    assert arabizi.WORDS["wesh"] == "وش"
    # English and French words listed as dialect spellings are not evidence
    assert {"fish", "wish", "fin", "mal", "a"}.isdisjoint(arabizi.ARABIZI_WORDS)
    assert {"wain", "emta", "khassni", "bezzaf"} - arabizi.ARABIZI_WORDS == {"bezzaf"}


def test_roman_urdu_reads_its_words_from_the_file() -> None:
    lists = word_lists.load("ur")
    assert frozenset(word_lists.words(lists["own"])) == roman_urdu.ROMAN_URDU_WORDS
    assert frozenset(lists["shared"]) == roman_urdu.SHARED_WORDS
    assert frozenset(lists["postpositions"]) == roman_urdu.POSTPOSITIONS
    assert roman_urdu.is_roman_urdu("namaz ki jagah kahan hai?")


def test_a_change_of_the_words_changes_the_training_fingerprint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = arabizi.ArabiziTransliterator.fingerprint_addon({})
    for lang in ("ar", "ur"):
        (tmp_path / lang).mkdir()
        text = word_lists.path(lang).read_text(encoding="utf-8")
        (tmp_path / lang / word_lists.FILE_NAME).write_text(text + "# new\n", encoding="utf-8")
    monkeypatch.setattr(word_lists, "DATA_DIR", tmp_path)
    assert arabizi.ArabiziTransliterator.fingerprint_addon({}) != before
