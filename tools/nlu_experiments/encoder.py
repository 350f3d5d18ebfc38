"""Train with a pretrained multilingual encoder (e.g. LaBSE) loaded from a local directory.

    make model-encoder ENCODER_DIR=/path/to/LaBSE     # a BERT-type model saved by transformers

The encoder's sentence and token embeddings are added (Rasa's LanguageModelFeaturizer, after the
tokenizer) to the sparse features of config.yml; nothing is downloaded: the directory must hold
the model's config, TensorFlow weights and tokenizer files, and the Hugging Face libraries run
offline. No encoder ships with the project; this is off unless a directory is given.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tools.nlu.compare import TOKENIZER_NAMES


def config_with_encoder(
    base: dict[str, Any], weights: Path, model_name: str = "bert"
) -> dict[str, Any]:
    """config.yml with a LanguageModelFeaturizer right after the tokenizer."""
    pipeline = []
    for step in base["pipeline"]:
        pipeline.append(step)
        if step["name"] in TOKENIZER_NAMES:
            pipeline.append(
                {
                    "name": "LanguageModelFeaturizer",
                    "model_name": model_name,
                    "model_weights": str(weights),
                    "cache_dir": str(weights),
                }
            )
    return {**base, "pipeline": pipeline}


def offline_environment() -> dict[str, str]:
    return {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", type=Path, required=True, help="local encoder directory")
    parser.add_argument("--model-name", default="bert", help="bert (LaBSE), roberta, xlm, ...")
    parser.add_argument("--config", type=Path, default=Path("config.yml"))
    parser.add_argument("--out", type=Path, default=Path("models"))
    args = parser.parse_args(argv)
    if not (args.weights / "config.json").exists():
        print(f"{args.weights} has no config.json: not a saved transformers model", file=sys.stderr)
        return 2
    config = config_with_encoder(
        yaml.safe_load(args.config.read_text()), args.weights, args.model_name
    )
    args.out.mkdir(parents=True, exist_ok=True)
    config_path = args.out / "config-encoder.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "train",
            "--config",
            str(config_path),
            "--out",
            str(args.out),
            "--fixed-model-name",
            "encoder",
        ],
        env=offline_environment(),
    ).returncode


if __name__ == "__main__":
    sys.exit(main())
