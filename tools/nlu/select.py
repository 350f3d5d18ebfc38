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

from tools.bench.nlu import pipeline_config, train
from tools.nlu import evaluate

SEED = 7
TRAIN_FRACTION = 0.8


def dev_split(data: Path, out: Path, seed: int = SEED) -> list[str]:
    """data/<lang>/ → out/train/<lang>.yml (80 %) and out/dev/<lang>.yml (20 %)."""
    from rasa.shared.data import get_data_files, is_nlu_file
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.shared.nlu.training_data.training_data import TrainingData

    languages = sorted(p.name for p in data.iterdir() if p.is_dir())
    for part in ("train", "dev"):
        (out / part).mkdir(parents=True, exist_ok=True)
    for lang in languages:
        # Only the NLU files, as `rasa train` reads them: the folder also holds the OPSEC guard's
        # patterns (opsec_patterns.yml), which load_data of the whole folder rejects.
        files = sorted(get_data_files([str(data / lang)], is_nlu_file))
        everything = TrainingData().merge(*(load_data(f) for f in files))
        training, dev = everything.train_test_split(TRAIN_FRACTION, seed)
        (out / "train" / f"{lang}.yml").write_text(training.nlu_as_yaml(), encoding="utf-8")
        (out / "dev" / f"{lang}.yml").write_text(dev.nlu_as_yaml(), encoding="utf-8")
    return languages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", type=Path, nargs="+", default=[Path("config.yml")])
    parser.add_argument("--data", type=Path, default=Path("data/nlu"))
    parser.add_argument("--out", type=Path, default=Path("reports/select"))
    parser.add_argument(
        "--seeds",
        type=int,
        nargs="+",
        default=[SEED],
        help="several splits, to tell a difference from the noise of one (means are printed)",
    )
    args = parser.parse_args(argv)

    rows = []
    for seed in args.seeds:
        split = args.out if len(args.seeds) == 1 else args.out / f"seed-{seed}"
        languages = dev_split(args.data, split, seed)
        for config_path in args.config:
            name = config_path.stem
            print(f"[{name}, split {seed}] training on {TRAIN_FRACTION:.0%} ...", flush=True)
            model, seconds = train(pipeline_config(config_path), split / "train", split, name)
            scored = split / name
            evaluate.main(
                ["--model", str(model), "--heldout", str(split / "dev"), "--out", str(scored)]
            )
            report = json.loads((scored / "eval.json").read_text(encoding="utf-8"))
            rows += [(name, seed, seconds, lang, report[lang]) for lang in languages]
            model.unlink(missing_ok=True)

    header = (
        "| config | split | train (s) | lang | macro-F1 | entity F1 | lang-ID | in-scope fallback |"
    )
    print(f"\n{header}\n|---|---|---|---|---|---|---|---|")
    for name, seed, seconds, lang, r in rows:
        print(f"| {name} | {seed} | {seconds:.0f} | {lang} | " + " | ".join(_figures([r])) + " |")
    if len(args.seeds) > 1:
        print(f"\nMeans over the {len(args.seeds)} splits:\n")
        print("| config | lang | macro-F1 | entity F1 | lang-ID | in-scope fallback |")
        print("|---|---|---|---|---|---|")
        for name in dict.fromkeys(row[0] for row in rows):
            for lang in languages:
                reports = [r for n, _, _, la, r in rows if n == name and la == lang]
                print(f"| {name} | {lang} | " + " | ".join(_figures(reports)) + " |")
    return 0


FIGURES = ("intent_macro_f1", "entity_f1", "language_id_accuracy", "in_scope_fallback_rate")


def _figures(reports: list[dict]) -> list[str]:
    return [f"{sum(r[key] for r in reports) / len(reports):.3f}" for key in FIGURES]


if __name__ == "__main__":
    sys.exit(main())
