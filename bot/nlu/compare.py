"""`make compare-tokenizers`: config.yml once per tokenizer, compared by `make select` on the
development split, so the default tokenizer is chosen by measurement without the held-out sets
(docs/nlu.md keeps the table)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from bot.nlu import select

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
    parser.add_argument("--data", type=Path, default=Path("data/nlu"))
    parser.add_argument("--out", type=Path, default=Path("reports/select"))
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as scratch:
        configs = []
        for variant, tokenizer in TOKENIZERS.items():
            path = Path(scratch) / f"tokenizer-{variant}.yml"
            path.write_text(yaml.safe_dump(config_with(tokenizer, args.config)))
            configs.append(str(path))
        return select.main(["--config", *configs, "--data", str(args.data), "--out", str(args.out)])


if __name__ == "__main__":
    sys.exit(main())
