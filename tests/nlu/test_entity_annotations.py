"""The training data follows the entity annotation conventions (docs/intents.md, "Entities")."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from common.textnorm import fold
from tools.nlu.annotations import violations

ROOT = Path(__file__).resolve().parents[2]
CHECKED = ("ar", "en", "fr", "ur")


def _examples(lang: str) -> list[tuple[str, list[dict]]]:
    from rasa.shared.data import get_data_files, is_nlu_file
    from rasa.shared.nlu.training_data.loading import load_data

    files = get_data_files([str(ROOT / "data" / "nlu" / lang)], is_nlu_file)
    return [
        (m.get("text"), m.get("entities") or [])
        for f in sorted(files)
        for m in load_data(f).intent_examples
    ]


def test_the_checker_flags_each_rule() -> None:
    def spans(text: str, *marked: tuple[str, str]) -> tuple[str, list[dict]]:
        return text, [
            {"start": text.index(s), "end": text.index(s) + len(s), "entity": e} for s, e in marked
        ]

    found = violations(
        "en",
        [
            spans("where is the gym", ("gym", "venue")),
            spans("open on friday?", ("friday", "date")),
            spans("where is the gym", ("where is the gym", "venue")),
            spans("where is the gym", ("the gym", "venue")),  # follows the convention
            spans("open on friday", ("on friday", "date")),  # follows the convention
            spans("what's on today", ("today", "date")),  # a particle, not the day's "on"
            spans("what's going on on the 22nd", ("on the 22nd", "date")),
        ],
    )
    assert [v.rule for v in found] == [
        "'the' belongs inside a venue span",
        "'on' belongs inside a date span",
        "question word inside the span",
    ]
    assert [v.span for v in violations("en", [spans("at the gym?", ("gym?", "venue"))])] == ["gym?"]
    french = [
        spans("où est la popote", ("la popote", "venue")),
        spans("l'aéroport", ("l'aéroport", "venue")),
    ]
    assert len(violations("fr", french)) == 2
    assert not violations("fr", [spans("l'aéroport", ("aéroport", "venue"))])
    language = [spans("in arabic pls", ("in arabic", "requested_language"))]
    assert [v.rule for v in violations("en", language)] == [
        "'in' belongs outside a requested_language span"
    ]
    language = [spans("réponds en arabe", ("arabe", "requested_language"))]
    assert [v.rule for v in violations("fr", language)] == [
        "'en' belongs inside a requested_language span"
    ]
    assert not violations("fr", [spans("demain matin", ("demain matin", "date"))])
    dated = [spans("ouvert le vendredi ?", ("vendredi", "date"))]
    assert [v.rule for v in violations("fr", dated)] == ["'le' belongs inside a date span"]
    assert not violations("fr", [spans("ouvert le vendredi ?", ("le vendredi", "date"))])
    assert violations("ar", [spans("وين المطعم", ("وين المطعم", "venue"))])
    # Whole words in every language: a span never starts or ends inside a word.
    assert [v.rule for v in violations("ar", [spans("وين المطعم", ("مطعم", "venue"))])] == [
        "the span cuts a word"
    ]
    # Urdu: postpositions outside, no question word inside.
    urdu = [
        spans("اتوار کو کیا ہے", ("اتوار کو", "date")),
        spans("والمیر کے جنرل", ("والمیر کے", "country")),
        spans("کہاں جم ہے", ("کہاں جم", "venue")),
        spans("اتوار کو کیا ہے", ("اتوار", "date")),  # follows the convention
        spans("مجلس کی شام کب ہے", ("مجلس کی شام", "event")),  # inside a name: kept
    ]
    assert [v.rule for v in violations("ur", urdu)] == [
        "Urdu postposition inside the span",
        "Urdu postposition inside the span",
        "question word inside the span",
    ]
    # A kind of event said alone is not an event; one named by what makes it one is.
    bare = "a kind of event said alone is not an event"
    assert [
        v.rule for v in violations("en", [spans("salute at the parade", ("the parade", "event"))])
    ] == [bare]
    assert [
        v.rule for v in violations("ar", [spans("أثناء الاستعراض", ("الاستعراض", "event"))])
    ] == [bare]
    assert [v.rule for v in violations("ur", [spans("پریڈ میں کھڑے ہونا", ("پریڈ", "event"))])] == [
        bare
    ]
    assert [
        v.rule for v in violations("fr", [spans("applaudir au défilé", ("défilé", "event"))])
    ] == [bare]
    named = [
        spans("at the medal parade", ("the medal parade", "event")),
        spans("pendant le défilé de clôture", ("défilé de clôture", "event")),
    ]
    assert not violations("en", named[:1]) and not violations("fr", named[1:])


@pytest.mark.parametrize("lang", CHECKED)
def test_training_data_follows_the_conventions(lang: str) -> None:
    found = violations(lang, _examples(lang))
    assert not found, "\n".join(f"{v.rule}: [{v.span}]({v.entity}) in {v.text!r}" for v in found)


@pytest.mark.parametrize("lang", CHECKED)
def test_closed_class_word_lists_are_written_folded(lang: str) -> None:
    """RegexFeaturizer matches them against the folded text: an unfolded word never matches."""
    data = yaml.safe_load((ROOT / "data" / "nlu" / lang / "closed_classes.yml").read_text("utf-8"))
    tables = [block for block in data["nlu"] if "lookup" in block]
    assert {t["lookup"] for t in tables} >= {f"date_word_{lang}", f"rank_word_{lang}"}
    for table in tables:
        entries = [line[2:] for line in table["examples"].splitlines() if line.startswith("- ")]
        assert entries and all(entry == fold(entry) for entry in entries), table["lookup"]


def test_a_language_code_keeps_the_code_as_its_value() -> None:
    # "[EN](requested_language)" taught Rasa's synonym mapper en -> EN, which then renamed the
    # language LanguageDetector found in every English message.
    def ruled(text: str, span: str, value: str | None) -> list[str]:
        entity: dict[str, int | str] = {
            "start": text.index(span),
            "end": text.index(span) + len(span),
        }
        if value is not None:
            entity["value"] = value
        return [v.rule for v in violations("en", [(text, [{**entity, "entity": "x"}])])]

    assert ruled("set language: EN", "EN", None) == [
        "a language code's span must have the code itself as its value"
    ]
    assert ruled("set language: EN", "EN", "fr") != []
    assert ruled("set language: EN", "EN", "en") == []
    assert ruled("answer in english", "english", None) == []  # a name, not a code
