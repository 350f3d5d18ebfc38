"""The development split that pipeline choices are made on: disjoint, per language, stable."""

from __future__ import annotations

from pathlib import Path

import yaml

from tools.nlu.select import dev_split

ROOT = Path(__file__).resolve().parents[2]


def examples(path: Path) -> set[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        line[2:]
        for block in data["nlu"]
        if "intent" in block
        for line in block["examples"].splitlines()
        if line.startswith("- ")
    }


def test_dev_split_holds_back_a_fifth_of_each_language_disjointly(tmp_path: Path) -> None:
    data = tmp_path / "nlu"
    for lang, word in (("en", "hello"), ("fr", "bonjour")):
        (data / lang).mkdir(parents=True)
        nlu = {
            "version": "3.1",
            "nlu": [
                {
                    "intent": intent,
                    "examples": "".join(f"- {word} {intent} {i}\n" for i in range(10)),
                }
                for intent in ("greet", "bye")
            ],
        }
        (data / lang / "nlu.yml").write_text(yaml.safe_dump(nlu))

    assert dev_split(data, tmp_path / "a") == ["en", "fr"]
    dev_split(data, tmp_path / "b")
    for lang in ("en", "fr"):
        train, dev = (examples(tmp_path / "a" / part / f"{lang}.yml") for part in ("train", "dev"))
        assert len(train) == 16 and len(dev) == 4 and not train & dev
        assert dev == examples(tmp_path / "b" / "dev" / f"{lang}.yml")  # same seed, same split


def test_another_seed_holds_back_other_examples(tmp_path: Path) -> None:
    data = tmp_path / "nlu" / "en"
    data.mkdir(parents=True)
    nlu = {
        "version": "3.1",
        "nlu": [{"intent": "greet", "examples": "".join(f"- hello {i}\n" for i in range(20))}],
    }
    (data / "nlu.yml").write_text(yaml.safe_dump(nlu))
    dev_split(tmp_path / "nlu", tmp_path / "a", seed=7)
    dev_split(tmp_path / "nlu", tmp_path / "b", seed=11)
    first, second = (examples(tmp_path / s / "dev" / "en.yml") for s in ("a", "b"))
    assert len(first) == len(second) == 4 and first != second


def test_each_tokenizer_variant_takes_the_tokenizers_place() -> None:
    from tools.nlu.compare import TOKENIZERS, config_with

    base = yaml.safe_load(Path("config.yml").read_text())
    names = [step["name"] for step in base["pipeline"]]
    at = names.index("WhitespaceTokenizer")
    for steps in TOKENIZERS.values():
        pipeline = [s["name"] for s in config_with(steps, Path("config.yml"))["pipeline"]]
        assert pipeline == names[:at] + [s["name"] for s in steps] + names[at + 1 :]


def test_the_opsec_patterns_file_beside_the_examples_is_not_read_as_training_data(
    tmp_path: Path,
) -> None:
    """data/nlu/<lang>/ also holds opsec_patterns.yml, which is not NLU data: the split reads the
    NLU files only, as `rasa train` does (it stopped on "Unknown data format" before)."""
    data = tmp_path / "nlu" / "en"
    data.mkdir(parents=True)
    nlu = {
        "version": "3.1",
        "nlu": [{"intent": "greet", "examples": "".join(f"- hello {i}\n" for i in range(10))}],
    }
    (data / "nlu.yml").write_text(yaml.safe_dump(nlu))
    (data / "opsec_patterns.yml").write_text(
        (ROOT / "data/nlu/en/opsec_patterns.yml").read_text(encoding="utf-8")
    )
    assert dev_split(tmp_path / "nlu", tmp_path / "a") == ["en"]
    train, dev = (examples(tmp_path / "a" / part / "en.yml") for part in ("train", "dev"))
    assert len(train) == 8 and len(dev) == 2
