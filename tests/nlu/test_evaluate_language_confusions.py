"""`make eval` counts Urdu's language-ID confusions with Arabic and with Persian-script text apart
(issue 21): a message detected as Arabic is `ar`, one abstained on because it reads as Persian is
`fa`, any other abstention `none`."""

from __future__ import annotations

from bot.nlu.language_id import LanguageIdentifier
from tools.nlu.evaluate import Prediction, language_confusions, print_language_confusions


def p(text: str, language: str | None) -> Prediction:
    return Prediction(
        text=text,
        gold_intent="greet",
        intent="greet",
        ranking=[("greet", 0.9)],
        gold_entities=[],
        entities=[],
        language=language,
    )


IDENTIFIER = LanguageIdentifier(["ar", "en", "fr", "ur"])


def test_urdu_confusions_with_arabic_and_persian_are_counted_apart() -> None:
    predictions = [
        p("نماز کی جگہ کہاں ہے؟", "ur"),
        p("میس کب کھلتا ہے", "ur"),
        p("خدا حافظ سر", "ar"),  # Arabic letters only: taken for Arabic
        p("لطفا کمکم کنید", None),  # keheh and Farsi yeh only, and it reads as Persian
        p("ok", None),
    ]
    assert IDENTIFIER.arabic_script_guess("لطفا کمکم کنید") == "fa"
    assert language_confusions(predictions, IDENTIFIER) == {"ur": 2, "ar": 1, "fa": 1, "none": 1}


def test_the_report_prints_a_row_per_language(capsys: object) -> None:
    report = {
        "ur": {"language_confusions": {"ur": 9, "ar": 1, "fa": 2}},
        "ar": {"language_confusions": {"ar": 10, "none": 1}},
    }
    print_language_confusions(report, ["ar", "ur"])
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "| lang | ar | ur | fa | none |" in out
    assert "| ur | 1 | 9 | 2 | 0 |" in out
    assert "| ar | 10 | 0 | 0 | 1 |" in out


def test_language_errors_list_each_misidentified_line_alone_and_in_conversation() -> None:
    from tools.nlu.evaluate import language_errors

    predictions = [
        p("wa9tach l ftour?", "fr"),  # wrong alone and in conversation
        p("ok", None),  # abstained: the conversation stays French, wrong there too
        p("fin l mosalla?", "ar"),
        p("merci", None),  # abstained, the conversation is Arabic: right
    ]
    assert language_errors(predictions, "ar") == [
        {"text": "wa9tach l ftour?", "gold": "ar", "detected": "fr", "in_conversation": "fr"},
        {"text": "ok", "gold": "ar", "detected": None, "in_conversation": "fr"},
        {"text": "merci", "gold": "ar", "detected": None, "in_conversation": "ar"},
    ]
