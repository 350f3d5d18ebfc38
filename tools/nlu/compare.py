"""`make compare-tokenizers`: config.yml once per tokenizer (with or without spaCy's lemmas),
compared by `make select` on development splits, so the default is chosen by measurement
without the held-out sets (docs/nlu.md keeps the table)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from tools.nlu import select

WHITESPACE = {"name": "WhitespaceTokenizer"}
SPACY = {"name": "tools.nlu_experiments.language_tokenizer.LanguageTokenizer"}
LEMMAS = {"name": "tools.nlu_experiments.lemmatizer.LookupLemmatizer"}
# Each variant's steps take the tokenizer's place in the pipeline.
TOKENIZERS: dict[str, list[dict[str, Any]]] = {
    "whitespace": [WHITESPACE],
    "sentencepiece": [
        {"name": "tools.nlu_experiments.sentencepiece_tokenizer.SentencePieceTokenizer"}
    ],
    "spacy": [SPACY],
    "spacy-lemmas": [SPACY, LEMMAS],
    "whitespace-lemmas": [WHITESPACE, LEMMAS],
}
TOKENIZER_NAMES = {steps[0]["name"] for steps in TOKENIZERS.values()}


def config_with(steps: list[dict[str, Any]], base: Path) -> dict[str, Any]:
    config = yaml.safe_load(base.read_text())
    pipeline: list[dict[str, Any]] = []
    for step in config["pipeline"]:
        pipeline += [dict(s) for s in steps] if step["name"] in TOKENIZER_NAMES else [step]
    config["pipeline"] = pipeline
    return config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", type=Path, default=Path("config.yml"))
    parser.add_argument("--data", type=Path, default=Path("data/nlu"))
    parser.add_argument("--out", type=Path, default=Path("reports/select"))
    parser.add_argument("--seeds", nargs="+", default=["7", "11", "13"])
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as scratch:
        configs = []
        for variant, tokenizer in TOKENIZERS.items():
            path = Path(scratch) / f"tokenizer-{variant}.yml"
            path.write_text(yaml.safe_dump(config_with(tokenizer, args.config)))
            configs.append(str(path))
        split_args = ["--data", str(args.data), "--out", str(args.out), "--seeds", *args.seeds]
        return select.main(["--config", *configs, *split_args])


if __name__ == "__main__":
    sys.exit(main())
