"""`make select CONFIGS="a.yml b.yml"`: compare NLU configurations on a development split.

Choices about the pipeline (which classifier, which features, the fallback threshold) are made
here, on 20 % of each language's training examples held back (stratified by intent, fixed seed),
never on tests/nlu/heldout: a set used to choose stops measuring. Each configuration is trained
on the other 80 % and scored with `make eval`'s scorer; prints one row per configuration and
language, and writes reports/select/<config>/eval.json (with the threshold sweep).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.bench.nlu import pipeline_config, train
from bot.nlu import evaluate

SEED = 7
TRAIN_FRACTION = 0.8


def dev_split(data: Path, out: Path) -> list[str]:
    """data/<lang>/ → out/train/<lang>.yml (80 %) and out/dev/<lang>.yml (20 %)."""
    from rasa.shared.nlu.training_data.loading import load_data

    languages = sorted(p.name for p in data.iterdir() if p.is_dir())
    for part in ("train", "dev"):
        (out / part).mkdir(parents=True, exist_ok=True)
    for lang in languages:
        training, dev = load_data(str(data / lang)).train_test_split(TRAIN_FRACTION, SEED)
        (out / "train" / f"{lang}.yml").write_text(training.nlu_as_yaml(), encoding="utf-8")
        (out / "dev" / f"{lang}.yml").write_text(dev.nlu_as_yaml(), encoding="utf-8")
    return languages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", type=Path, nargs="+", default=[Path("config.yml")])
    parser.add_argument("--data", type=Path, default=Path("data/nlu"))
    parser.add_argument("--out", type=Path, default=Path("reports/select"))
    args = parser.parse_args(argv)

    languages = dev_split(args.data, args.out)
    rows = []
    for config_path in args.config:
        name = config_path.stem
        print(f"[{name}] training on {TRAIN_FRACTION:.0%} of the training data ...", flush=True)
        model, seconds = train(pipeline_config(config_path), args.out / "train", args.out, name)
        scored = args.out / name
        evaluate.main(
            ["--model", str(model), "--heldout", str(args.out / "dev"), "--out", str(scored)]
        )
        report = json.loads((scored / "eval.json").read_text(encoding="utf-8"))
        rows += [(name, seconds, lang, report[lang]) for lang in languages]
        model.unlink(missing_ok=True)

    print("\n| config | train (s) | lang | macro-F1 | entity F1 | lang-ID | in-scope fallback |")
    print("|---|---|---|---|---|---|---|")
    for name, seconds, lang, r in rows:
        print(
            f"| {name} | {seconds:.0f} | {lang} | {r['intent_macro_f1']:.3f} | "
            f"{r['entity_f1']:.3f} | {r['language_id_accuracy']:.3f} | "
            f"{r['in_scope_fallback_rate']:.3f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
