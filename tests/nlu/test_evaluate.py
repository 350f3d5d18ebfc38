from __future__ import annotations

import pytest

from tools.nlu.evaluate import (
    Prediction,
    _gold_spans,
    arabizi_scores,
    entity_errors,
    entity_f1,
    intent_scores,
    language_scores,
    opsec_scores,
    out_of_scope_scores,
    threshold_sweep,
)


def p(
    gold: str, intent: str, confidence: float = 0.9, language: str | None = "fr", **kw
) -> Prediction:
    return Prediction(
        text=kw.get("text", "x y z"),
        gold_intent=gold,
        intent=intent,
        ranking=[(intent if intent != "nlu_fallback" else kw.get("top", "greet"), confidence)],
        gold_entities=kw.get("gold_entities", []),
        entities=kw.get("entities", []),
        language=language,
        words=kw.get("words", 3),
    )


def test_fallback_counts_as_out_of_scope_and_wrong_in_scope() -> None:
    scores = intent_scores([p("out_of_scope", "nlu_fallback"), p("greet", "nlu_fallback")])
    assert scores["intent_accuracy"] == 0.5


def test_entity_f1_needs_exact_span_and_type() -> None:
    predictions = [
        p(
            "ask_venue_info",
            "ask_venue_info",
            gold_entities=[(8, 11, "venue")],
            entities=[(8, 11, "venue")],
        ),
        p(
            "ask_event_info",
            "ask_event_info",
            gold_entities=[(0, 4, "event")],
            entities=[(0, 5, "event")],
        ),
    ]
    scores = entity_f1(predictions)
    assert scores["entity_precision"] == 0.5 and scores["entity_recall"] == 0.5


def test_entity_errors_list_the_spans_as_text() -> None:
    text = "when does the gym open"
    errors = entity_errors(
        [
            p(
                "ask_venue_info",
                "ask_venue_info",
                text=text,
                gold_entities=[(10, 17, "venue")],
                entities=[(14, 17, "venue")],
            ),
            p(
                "ask_venue_info",
                "ask_venue_info",
                text=text,
                gold_entities=[(10, 17, "venue")],
                entities=[(10, 17, "venue")],
            ),
        ]
    )
    assert errors == [{"text": text, "gold": [["the gym", "venue"]], "found": [["gym", "venue"]]}]


def test_language_id_alone_and_in_conversation() -> None:
    predictions = [
        p("greet", "greet", language="fr"),
        p("thanks", "thanks", language=None, words=1),  # "ok": abstains, the slot keeps fr
        p("thanks", "thanks", language="en", words=1),  # wrong
    ]
    scores = language_scores(predictions, "fr")
    assert scores["language_id_accuracy"] == pytest.approx(2 / 3)
    assert scores["language_id_accuracy_single_message"] == pytest.approx(1 / 3)
    assert scores["language_id_abstain_rate"] == pytest.approx(1 / 3)
    assert scores["language_id_accuracy_short"] == 0.5
    # A conversation whose first message abstains starts in English, the slot's initial value.
    assert language_scores([p("greet", "greet", language=None)], "fr")["language_id_accuracy"] == 0


def test_out_of_scope_rates() -> None:
    scores = out_of_scope_scores(
        [p("out_of_scope", "nlu_fallback"), p("out_of_scope", "greet"), p("greet", "nlu_fallback")]
    )
    assert scores == {
        "oos_fallback_rate": 0.5,
        "oos_handled_rate": 0.5,
        "in_scope_fallback_rate": 1.0,
    }


def test_threshold_sweep_rejects_low_confidence() -> None:
    rows = threshold_sweep([p("out_of_scope", "greet", 0.4), p("greet", "greet", 0.95)])
    low, high = (next(r for r in rows if r["threshold"] == t) for t in (0.3, 0.5))
    assert low["oos_handled_rate"] == 0.0
    assert high["oos_handled_rate"] == 1.0 and high["in_scope_rejected_rate"] == 0.0


def test_opsec_scores_count_refusals_with_the_guard_and_for_the_classifier_alone() -> None:
    predictions = [
        p("ask_restricted", "ask_restricted"),
        p("ask_restricted", "ask_restricted"),
        p("ask_restricted", "nlu_fallback"),  # missed: answered "I didn't understand"
        p("ask_restricted", "ask_restricted"),
        p("benign", "ask_meal_times"),
        p("benign", "ask_restricted"),  # wrongly refused
    ]
    # The guard raised the second and the last; the classifier alone had said otherwise.
    predictions[1].classifier_intent = "ask_transport"
    predictions[5].classifier_intent = "ask_event_info"
    scores = opsec_scores(predictions)
    assert scores["restricted_refused_rate"] == 0.75
    assert scores["benign_refused_rate"] == 0.5
    assert scores["classifier_restricted_refused_rate"] == 0.5
    assert scores["classifier_benign_refused_rate"] == 0.0
    assert scores["guard_raised"] == 2 and scores["met"] is False
    assert [e["text"] for e in scores["errors"]] == ["x y z", "x y z"]


def test_opsec_targets_are_95_percent_refused_and_2_percent_benign_refused() -> None:
    restricted = [p("ask_restricted", "ask_restricted")] * 19 + [p("ask_restricted", "greet")]
    benign = [p("benign", "greet")] * 50
    assert opsec_scores(restricted + benign)["met"] is True
    assert opsec_scores([*restricted[1:], p("ask_restricted", "greet"), *benign])["met"] is False


def test_arabizi_scores_give_macro_f1_and_the_share_identified_as_arabic() -> None:
    predictions = [
        p("ask_medical", "ask_medical", language="ar"),
        p("ask_transport", "ask_transport", language="en"),
        p("greet", "ask_transport", language=None),
        p("greet", "greet", language="ar"),
    ]
    scores = arabizi_scores(predictions)
    assert scores["identified_as_ar"] == 0.5
    # In conversation an abstention keeps the language before it (en here).
    assert scores["identified_as_ar_in_conversation"] == 0.5
    assert scores["intent_accuracy"] == 0.75
    assert scores["met"] is (scores["intent_macro_f1"] >= 0.85)
    assert len(scores["errors"]) == 2
    assert arabizi_scores([p("greet", "greet", language="ar")])["met"] is True


def test_arabizi_gold_spans_move_to_the_arabic_script_the_model_read() -> None:
    typed = "wain el mat3am bukra"
    gold = [{"start": 5, "end": 14, "entity": "venue"}, {"start": 15, "end": 20, "entity": "date"}]
    parsed = {"text": "وين المطعم بكره", "arabizi_text": typed}
    assert _gold_spans(gold, typed, parsed) == [(4, 10, "venue"), (11, 15, "date")]
    # Read as typed (not transliterated), or not Arabizi at all: the spans stay.
    kept = [(5, 14, "venue"), (15, 20, "date")]
    assert _gold_spans(gold, typed, {"text": typed, "arabizi_text": typed}) == kept
    assert _gold_spans(gold, typed, {"text": typed}) == kept
