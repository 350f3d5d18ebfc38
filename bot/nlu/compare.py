"""`make compare-tokenizers`: train the NLU of config.yml once per tokenizer and score each on the
held-out sets, so the default tokenizer is chosen by measurement (docs/nlu.md keeps the table)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from bot.nlu.evaluate import entity_f1, intent_scores, language_scores, predict_heldout

TOKENIZERS = {
    "whitespace": {"name": "WhitespaceTokenizer"},
    "sentencepiece": {"name": "bot.nlu.sentencepiece_tokenizer.SentencePieceTokenizer"},
}
TOKENIZER_NAMES = {spec["name"] for spec in TOKENIZERS.values()}


def config_with(tokenizer: dict[str, Any], base: Path) -> dict[str, Any]:
    config = yaml.safe_load(base.read_text())
    config["pipeline"] = [
        dict(tokenizer) if step["name"] in TOKENIZER_NAMES else step for step in config["pipeline"]
    ]
    return config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", type=Path, default=Path("config.yml"))
    parser.add_argument("--heldout", type=Path, default=Path("tests/nlu/heldout"))
    parser.add_argument("--out", type=Path, default=Path("reports/tokenizers.json"))
    args = parser.parse_args(argv)

    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for variant, tokenizer in TOKENIZERS.items():
            config_path = Path(scratch) / f"config-{variant}.yml"
            config_path.write_text(yaml.safe_dump(config_with(tokenizer, args.config)))
            print(f"training the NLU with the {variant} tokenizer ...", flush=True)
            started = time.monotonic()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "rasa",
                    "train",
                    "nlu",
                    "--config",
                    str(config_path),
                    "--nlu",
                    "data/nlu",
                    "--out",
                    scratch,
                    "--fixed-model-name",
                    variant,
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            row: dict[str, Any] = {"train_seconds": round(time.monotonic() - started, 1)}
            model = Path(scratch) / f"{variant}.tar.gz"
            for lang, predictions in predict_heldout(model, args.heldout).items():
                row[lang] = {
                    **intent_scores(predictions),
                    **entity_f1(predictions),
                    **language_scores(predictions, lang),
                }
            results[variant] = row
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    langs = sorted(p.stem for p in args.heldout.glob("*.yml"))
    print(
        "\n| tokenizer | train (s) | "
        + " | ".join(f"{lang} macro-F1 | {lang} entity F1" for lang in langs)
        + " |"
    )
    print("|---" * (2 + 2 * len(langs)) + "|")
    for variant, row in results.items():
        cells = " | ".join(
            f"{row[lang]['intent_macro_f1']:.3f} | {row[lang]['entity_f1']:.3f}" for lang in langs
        )
        print(f"| {variant} | {row['train_seconds']} | {cells} |")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
