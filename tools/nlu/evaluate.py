"""`make eval`: measure the trained model on the held-out sets in tests/nlu/heldout/<lang>.yml.

Prints per language: intent accuracy and macro-F1, entity F1, language-ID accuracy, and how
out-of-scope messages fare; writes reports/eval.json and a confusion matrix picture per language.

Scoring rules, stated once: a message the FallbackClassifier rejects (nlu_fallback) counts as
`out_of_scope`, since the user gets an "I can't answer that, here is who can" either way; it is
wrong for an in-scope question. Language ID is measured twice: per message alone (abstaining
counts as wrong), and in conversation (an abstention keeps the previous message's language, as
the `language` slot does; a conversation starts in English, the slot's initial value).

The OPSEC guard (issue 19) is measured on tests/nlu/heldout/restricted_nineteenth/<lang>.yml
under `opsec_nineteenth` (and the development sets restricted_seventh/ to restricted_eighteenth/):
questions after operationally sensitive information (`ask_restricted`) and benign near-misses
(`benign`). A message is refused when the model's intent is ask_restricted; the report gives the
refused share of each kind per language, with the guard and for the classifier alone (the intent
before bot.nlu.opsec_guard raised it, which the guard leaves in the parse data). Each set was
written in secret by someone who never saw the guard and measured once (development data since:
the seventh from 2026-12-06 12:25, the ninth from 16:53, the tenth from 19:33, the eleventh from
23:24, the twelfth from 2026-12-07 02:34, the thirteenth from 05:33, the fourteenth from 08:46,
the fifteenth from 12:02, the sixteenth from 14:59, the seventeenth from 18:17, the eighteenth
from 21:09); the six sets before the seventh were retired into training
(data/nlu/<lang>/restricted_retired_sets.yml, issue 19's "many authors"). A later set gets its
own key in OPSEC_SETS.

Arabizi (issue 21), Arabic typed in Latin letters and digits, is measured on
tests/nlu/heldout/arabizi/ar.yml under `arabizi`: intent macro-F1 (target 0.85) and the share of
messages identified as Arabic, alone and in conversation.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FALLBACK = "nlu_fallback"
RESTRICTED = "ask_restricted"
BENIGN = "benign"
RESTRICTED_TARGET = 0.95  # refused at least: issue 19
BENIGN_LIMIT = 0.02  # refused at most
# report key -> folder under the held-out directory, measured when the folder has files.
# restricted_seventh/ to restricted_thirteenth/ were each written in secret by someone who never
# saw the guard; the seventh to twelfth were each measured once and are development measures
# now; the older sets are training data (docs/nlu.md, "Many authors").
OPSEC_SETS = {
    "opsec_seventh": "restricted_seventh",
    "opsec_eighth": "restricted_eighth",
    "opsec_ninth": "restricted_ninth",
    "opsec_tenth": "restricted_tenth",
    "opsec_eleventh": "restricted_eleventh",
    "opsec_twelfth": "restricted_twelfth",
    "opsec_thirteenth": "restricted_thirteenth",
    "opsec_fourteenth": "restricted_fourteenth",
    "opsec_fifteenth": "restricted_fifteenth",
    "opsec_sixteenth": "restricted_sixteenth",
    "opsec_seventeenth": "restricted_seventeenth",
    "opsec_eighteenth": "restricted_eighteenth",
    "opsec_nineteenth": "restricted_nineteenth",
}
ARABIZI_FOLDER = "arabizi"
ARABIZI_TARGET = 0.85  # intent macro-F1: issue 21
OUT_OF_SCOPE = "out_of_scope"
IGNORED_ENTITIES = {"language"}  # set by LanguageDetector, never annotated
THRESHOLDS = [round(0.2 + 0.05 * i, 2) for i in range(15)]


@dataclass
class Prediction:
    text: str
    gold_intent: str
    intent: str
    ranking: list[tuple[str, float]]  # model's own ranking, fallback removed
    gold_entities: list[tuple[int, int, str]]
    entities: list[tuple[int, int, str]]
    language: str | None
    words: int = field(default=0)
    classifier_intent: str | None = None  # before the OPSEC guard, when it changed the intent


def scored_intent(intent: str) -> str:
    return OUT_OF_SCOPE if intent == FALLBACK else intent


def intent_scores(predictions: list[Prediction]) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score

    gold = [p.gold_intent for p in predictions]
    predicted = [scored_intent(p.intent) for p in predictions]
    return {
        "intent_accuracy": float(accuracy_score(gold, predicted)),
        "intent_macro_f1": float(f1_score(gold, predicted, average="macro", zero_division=0)),
    }


def entity_f1(predictions: list[Prediction]) -> dict[str, float]:
    """Exact span and type match, micro-averaged over all entities."""
    gold = {(i, *e) for i, p in enumerate(predictions) for e in p.gold_entities}
    found = {(i, *e) for i, p in enumerate(predictions) for e in p.entities}
    hits = len(gold & found)
    precision = hits / len(found) if found else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "entity_f1": f1,
        "entity_precision": precision,
        "entity_recall": recall,
        "entity_count": float(len(gold)),
    }


def entity_errors(predictions: list[Prediction]) -> list[dict[str, Any]]:
    """Each message whose entities differ from the annotation, spans as text: what make eval's
    report lists, so a boundary disagreement ("the gym" vs "gym") reads as one."""

    def spans(entities: list[tuple[int, int, str]], text: str) -> list[list[str]]:
        return [[text[start:end], kind] for start, end, kind in sorted(entities)]

    return [
        {"text": p.text, "gold": spans(p.gold_entities, p.text), "found": spans(p.entities, p.text)}
        for p in predictions
        if set(p.gold_entities) != set(p.entities)
    ]


def language_scores(
    predictions: list[Prediction], lang: str, start: str = "en"
) -> dict[str, float]:
    alone = [p.language == lang for p in predictions]
    current, carried = start, []
    for p in predictions:
        current = p.language or current
        carried.append(current == lang)
    short = [i for i, p in enumerate(predictions) if p.words <= 2]
    return {
        "language_id_accuracy": _mean(carried),
        "language_id_accuracy_single_message": _mean(alone),
        "language_id_abstain_rate": _mean([p.language is None for p in predictions]),
        "language_id_accuracy_short": _mean([carried[i] for i in short]),
        "language_id_accuracy_short_single_message": _mean([alone[i] for i in short]),
        "short_messages": float(len(short)),
    }


def language_errors(
    predictions: list[Prediction], lang: str, start: str = "en"
) -> list[dict[str, Any]]:
    """Each message whose language was not `lang` alone or in conversation (the same carrying as
    language_scores): its text, the gold language, what it was detected as alone (None when the
    detector abstained) and what the conversation's language was after it, so the kind of error
    (a loanword, a short message, Arabizi read as French) can be read off the report."""
    current = start
    errors: list[dict[str, Any]] = []
    for p in predictions:
        current = p.language or current
        if p.language != lang or current != lang:
            errors.append(
                {"text": p.text, "gold": lang, "detected": p.language, "in_conversation": current}
            )
    return errors


def language_confusions(predictions: list[Prediction], identifier: Any = None) -> dict[str, int]:
    """What each held-out message was detected as, alone: a language code; `fa` when it was
    abstained on because it reads as Persian (keheh and Farsi yeh without Urdu's own letters:
    bot.nlu.language_id); `none` for any other abstention. The ur row's `ar` and `fa` are Urdu's
    confusions with Arabic and with Persian-script text, the ar row's `ur` the other way."""
    from bot.nlu.language_id import LanguageIdentifier
    from common.languages import LANGUAGES

    identifier = identifier or LanguageIdentifier(LANGUAGES)
    counts: dict[str, int] = {}
    for p in predictions:
        if p.language is not None:
            key = p.language
        elif identifier.arabic_script_guess(p.text) == "fa":
            key = "fa"
        else:
            key = "none"
        counts[key] = counts.get(key, 0) + 1
    return counts


def out_of_scope_scores(predictions: list[Prediction]) -> dict[str, float]:
    oos = [p for p in predictions if p.gold_intent == OUT_OF_SCOPE]
    inscope = [p for p in predictions if p.gold_intent != OUT_OF_SCOPE]
    return {
        "oos_fallback_rate": _mean([p.intent == FALLBACK for p in oos]),
        "oos_handled_rate": _mean([scored_intent(p.intent) == OUT_OF_SCOPE for p in oos]),
        "in_scope_fallback_rate": _mean([p.intent == FALLBACK for p in inscope]),
    }


def threshold_sweep(predictions: list[Prediction]) -> list[dict[str, float]]:
    """What each FallbackClassifier threshold would give, from the model's own confidences."""
    from sklearn.metrics import f1_score

    rows = []
    for threshold in THRESHOLDS:
        gold, predicted = [], []
        for p in predictions:
            top, confidence = p.ranking[0] if p.ranking else (OUT_OF_SCOPE, 0.0)
            gold.append(p.gold_intent)
            predicted.append(top if confidence >= threshold else OUT_OF_SCOPE)
        oos = [g == OUT_OF_SCOPE for g in gold]
        rows.append(
            {
                "threshold": threshold,
                "intent_macro_f1": float(
                    f1_score(gold, predicted, average="macro", zero_division=0)
                ),
                "oos_handled_rate": _mean(
                    [pr == OUT_OF_SCOPE for pr, o in zip(predicted, oos, strict=True) if o]
                ),
                "in_scope_rejected_rate": _mean(
                    [
                        pr == OUT_OF_SCOPE
                        for pr, g in zip(predicted, gold, strict=True)
                        if g != OUT_OF_SCOPE
                    ]
                ),
            }
        )
    return rows


def opsec_scores(predictions: list[Prediction]) -> dict[str, Any]:
    """Refused shares of restricted questions and of benign near-misses, with the guard and for
    the classifier alone, and the messages on the wrong side."""
    restricted = [p for p in predictions if p.gold_intent == RESTRICTED]
    benign = [p for p in predictions if p.gold_intent == BENIGN]

    def alone(p: Prediction) -> str:
        return p.classifier_intent if p.classifier_intent is not None else p.intent

    scores: dict[str, Any] = {
        "restricted": float(len(restricted)),
        "benign": float(len(benign)),
        "restricted_refused_rate": _mean([p.intent == RESTRICTED for p in restricted]),
        "benign_refused_rate": _mean([p.intent == RESTRICTED for p in benign]),
        "classifier_restricted_refused_rate": _mean([alone(p) == RESTRICTED for p in restricted]),
        "classifier_benign_refused_rate": _mean([alone(p) == RESTRICTED for p in benign]),
        "guard_raised": float(sum(p.classifier_intent is not None for p in predictions)),
    }
    scores["met"] = (
        scores["restricted_refused_rate"] >= RESTRICTED_TARGET
        and scores["benign_refused_rate"] <= BENIGN_LIMIT
    )
    scores["errors"] = [
        {"text": p.text, "gold": p.gold_intent, "predicted": p.intent, "classifier": alone(p)}
        for p in restricted + benign
        if (p.intent == RESTRICTED) != (p.gold_intent == RESTRICTED)
    ]
    return scores


def arabizi_scores(predictions: list[Prediction], lang: str = "ar") -> dict[str, Any]:
    """Intent scores on Arabizi messages and the share identified as `lang` (Arabic)."""
    scores: dict[str, Any] = {
        "examples": float(len(predictions)),
        **intent_scores(predictions),
        **entity_f1(predictions),
        "identified_as_ar": _mean([p.language == lang for p in predictions]),
        "identified_as_ar_in_conversation": language_scores(predictions, lang)[
            "language_id_accuracy"
        ],
    }
    scores["met"] = scores["intent_macro_f1"] >= ARABIZI_TARGET
    scores["errors"] = [
        {"text": p.text, "gold": p.gold_intent, "predicted": p.intent, "language": p.language}
        for p in predictions
        if scored_intent(p.intent) != p.gold_intent or p.language != lang
    ]
    return scores


def _mean(values: Iterable[bool | float]) -> float:
    values = list(values)
    return float(sum(values) / len(values)) if values else 0.0


def predict_heldout(model: Path, heldout: Path, agent: Any = None) -> dict[str, list[Prediction]]:
    """Parse every held-out set (<heldout>/<lang>.yml) with the model, loaded once."""
    from rasa.core.agent import Agent
    from rasa.shared.nlu.training_data.loading import load_data

    agent = agent or Agent.load(str(model))
    results = {}
    for path in sorted(heldout.glob("*.yml")):
        examples = load_data(str(path)).intent_examples
        print(f"{path.stem}: parsing {len(examples)} held-out examples ...", flush=True)
        results[path.stem] = asyncio.run(_predict(agent, examples))
    return results


async def _predict(agent: Any, examples: list[Any]) -> list[Prediction]:
    predictions = []
    for example in examples:
        text = example.get("text")
        parsed = await agent.parse_message(text)
        ranking = [
            (r["name"], float(r["confidence"]))
            for r in parsed.get("intent_ranking", [])
            if r["name"] != FALLBACK
        ]
        predictions.append(
            Prediction(
                text=text,
                gold_intent=example.get("intent"),
                intent=parsed["intent"]["name"],
                ranking=ranking,
                gold_entities=_gold_spans(example.get("entities") or [], text, parsed),
                entities=[
                    (e["start"], e["end"], e["entity"])
                    for e in parsed.get("entities", [])
                    # an enrolment code (bot.nlu.enrolment_code) has no span
                    if e["entity"] not in IGNORED_ENTITIES and "start" in e
                ],
                language=next(
                    (e["value"] for e in parsed.get("entities", []) if e["entity"] == "language"),
                    None,
                ),
                words=len(text.split()),
                classifier_intent=(parsed.get("opsec_guard") or {}).get("classifier_intent")
                if parsed["intent"]["name"] == RESTRICTED and parsed.get("opsec_guard")
                else None,
            )
        )
    return predictions


def _gold_spans(
    entities: list[dict[str, Any]], text: str, parsed: dict[str, Any]
) -> list[tuple[int, int, str]]:
    """Annotated spans in the parse data's text: an Arabizi message the model wrote in Arabic
    script (bot.nlu.arabizi) has its entities found there, so its gold spans move there too."""
    spans = [(e["start"], e["end"], e["entity"]) for e in entities]
    if not parsed.get("arabizi_text") or parsed.get("text") == text:
        return spans
    from bot.nlu.arabizi import offsets_into

    # The model's own spelling (it may use its training data's words), not the letter rules'.
    offsets = offsets_into(text, parsed["text"])
    return [(offsets[start], offsets[end], entity) for start, end, entity in spans]


def confusion_picture(predictions: list[Prediction], lang: str, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import ConfusionMatrixDisplay

    gold = [p.gold_intent for p in predictions]
    predicted = [scored_intent(p.intent) for p in predictions]
    labels = sorted(set(gold) | set(predicted))
    figure, axes = plt.subplots(figsize=(16, 16))
    ConfusionMatrixDisplay.from_predictions(
        gold, predicted, labels=labels, ax=axes, xticks_rotation="vertical", colorbar=False
    )
    axes.set_title(f"Intent confusion on the held-out set: {lang}")
    figure.tight_layout()
    figure.savefig(path, dpi=80)
    plt.close(figure)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=Path("models/current.tar.gz"))
    parser.add_argument("--heldout", type=Path, default=Path("tests/nlu/heldout"))
    parser.add_argument("--out", type=Path, default=Path("reports"))
    args = parser.parse_args(argv)

    if not any(args.heldout.glob("*.yml")):
        print(f"no held-out sets in {args.heldout}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    report: dict[str, Any] = {}
    all_predictions: list[Prediction] = []
    from rasa.core.agent import Agent

    agent = Agent.load(str(args.model))
    by_language = predict_heldout(args.model, args.heldout, agent)
    for lang, predictions in by_language.items():
        all_predictions += predictions
        report[lang] = {
            "examples": len(predictions),
            **intent_scores(predictions),
            **entity_f1(predictions),
            **language_scores(predictions, lang),
            "language_confusions": language_confusions(predictions),
            "language_errors": language_errors(predictions, lang),
            **out_of_scope_scores(predictions),
            "threshold_sweep": threshold_sweep(predictions),
            "errors": [
                {"text": p.text, "gold": p.gold_intent, "predicted": p.intent}
                for p in predictions
                if scored_intent(p.intent) != p.gold_intent
            ],
            "entity_errors": entity_errors(predictions),
        }
        confusion_picture(predictions, lang, args.out / f"confusion_{lang}.png")
    report["threshold_sweep"] = threshold_sweep(all_predictions)
    for name, folder in OPSEC_SETS.items():
        opsec_sets = args.heldout / folder
        if any(opsec_sets.glob("*.yml")):
            report[name] = {
                lang: opsec_scores(predictions)
                for lang, predictions in predict_heldout(args.model, opsec_sets, agent).items()
            }
    arabizi_sets = args.heldout / ARABIZI_FOLDER
    if any(arabizi_sets.glob("*.yml")):
        report["arabizi"] = {
            lang: arabizi_scores(predictions, lang)
            for lang, predictions in predict_heldout(args.model, arabizi_sets, agent).items()
        }
    (args.out / "eval.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print_table(report, list(by_language))
    print(f"\nwrote {args.out / 'eval.json'} and {args.out}/confusion_<lang>.png")
    return 0


def print_language_confusions(report: dict[str, Any], langs: list[str]) -> None:
    """Rows: held-out language; columns: what its messages were detected as, one by one."""
    rows = {lang: report[lang].get("language_confusions", {}) for lang in langs}
    detected = sorted({key for row in rows.values() for key in row} - {"fa", "none"})
    columns = [*detected, "fa", "none"]
    print("\nLanguage ID per message: what each set was detected as (fa: abstained, reads as")
    print("Persian; none: other abstentions):")
    print("| lang | " + " | ".join(columns) + " |\n" + "|---" * (len(columns) + 1) + "|")
    for lang, row in rows.items():
        print(f"| {lang} | " + " | ".join(str(row.get(key, 0)) for key in columns) + " |")


def print_table(report: dict[str, Any], langs: list[str]) -> None:
    columns = [
        ("examples", "n", "{:.0f}"),
        ("intent_accuracy", "intent acc", "{:.3f}"),
        ("intent_macro_f1", "macro-F1", "{:.3f}"),
        ("entity_f1", "entity F1", "{:.3f}"),
        ("language_id_accuracy", "lang-ID", "{:.3f}"),
        ("language_id_accuracy_single_message", "lang-ID alone", "{:.3f}"),
        ("language_id_accuracy_short", "lang-ID 1-2 words", "{:.3f}"),
        ("oos_handled_rate", "OOS handled", "{:.3f}"),
        ("oos_fallback_rate", "OOS fallback", "{:.3f}"),
        ("in_scope_fallback_rate", "in-scope fallback", "{:.3f}"),
    ]
    print("\n| lang | " + " | ".join(title for _, title, _ in columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for lang in langs:
        row = report[lang]
        print(f"| {lang} | " + " | ".join(fmt.format(row[key]) for key, _, fmt in columns) + " |")
    print_language_confusions(report, langs)
    print("\nFallback threshold sweep (all languages):")
    print("| threshold | macro-F1 | OOS handled | in-scope rejected |\n|---|---|---|---|")
    for row in report["threshold_sweep"]:
        print(
            f"| {row['threshold']:.2f} | {row['intent_macro_f1']:.3f} | "
            f"{row['oos_handled_rate']:.3f} | {row['in_scope_rejected_rate']:.3f} |"
        )
    if "arabizi" in report:
        print(f"\nArabizi on {ARABIZI_FOLDER}/ (intent macro-F1 >= {ARABIZI_TARGET}):")
        print(
            "| lang | n | intent acc | macro-F1 | entity F1 | identified as ar | "
            "in conversation | met |\n|---|---|---|---|---|---|---|---|"
        )
        for lang, row in report["arabizi"].items():
            print(
                f"| {lang} | {row['examples']:.0f} | {row['intent_accuracy']:.3f} | "
                f"{row['intent_macro_f1']:.3f} | {row['entity_f1']:.3f} | "
                f"{row['identified_as_ar']:.3f} | {row['identified_as_ar_in_conversation']:.3f} | "
                f"{'yes' if row['met'] else 'NO'} |"
            )
    for name, folder in OPSEC_SETS.items():
        if name not in report:
            continue
        print(
            f"\nOPSEC guard on {folder}/ (restricted refused >= {RESTRICTED_TARGET:.0%}, "
            f"benign refused <= {BENIGN_LIMIT:.0%}):"
        )
        print(
            "| lang | restricted | benign | restricted refused | benign refused | "
            "classifier alone: restricted | benign | met |\n|---|---|---|---|---|---|---|---|"
        )
        for lang, row in report[name].items():
            print(
                f"| {lang} | {row['restricted']:.0f} | {row['benign']:.0f} | "
                f"{row['restricted_refused_rate']:.3f} | {row['benign_refused_rate']:.3f} | "
                f"{row['classifier_restricted_refused_rate']:.3f} | "
                f"{row['classifier_benign_refused_rate']:.3f} | {'yes' if row['met'] else 'NO'} |"
            )


if __name__ == "__main__":
    sys.exit(main())
