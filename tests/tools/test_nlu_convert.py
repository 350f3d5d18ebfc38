"""The NLU benchmark's dataset converters on five rows each, read back by Rasa's own loader."""

from __future__ import annotations

from pathlib import Path

import yaml

from tools.bench import nlu


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_banking77_rows_become_rasa_examples(tmp_path: Path) -> None:
    csv = _write(
        tmp_path / "banking77" / "train.csv",
        "text,category\n"
        "I am still waiting on my card?,card_arrival\n"
        '"What is [this](fee), exactly?",card_payment_fee_charged\n'
        "How do I top up?,top_up_by_card_charge\n"
        "  How do I top up?  ,top_up_by_card_charge\n"
        "Why was I charged twice?,transaction_charged_twice\n",
    )
    examples = nlu.read_banking77(csv)
    assert len(examples) == 5 and examples[0] == ("I am still waiting on my card?", "card_arrival")

    from rasa.shared.nlu.training_data.loading import load_data

    path = nlu.write_training_data(examples, tmp_path / "train.json")
    loaded = load_data(str(path)).intent_examples
    # the duplicate (after whitespace is folded) is dropped; mark-up-like text stays text
    assert [m.get("text") for m in loaded] == [
        "I am still waiting on my card?",
        "What is [this](fee), exactly?",
        "How do I top up?",
        "Why was I charged twice?",
    ]
    assert [m.get("intent") for m in loaded][1] == "card_payment_fee_charged"
    assert not any(m.get("entities") for m in loaded)


def test_arbanking77_labels_map_to_banking77_intents(tmp_path: Path) -> None:
    folder = tmp_path / "arbanking77"
    _write(
        folder / "Banking77_intents.csv",
        'label_en,label_ar\n"card arrival","وصول البطاقة"\n"exchange rate","سعر الصرف"\n',
    )
    rows = "\n".join(
        f'"{label}","{text}"'
        for label, text in [
            ("وصول البطاقة", "ما زلت أنتظر بطاقتي؟"),
            ("وصول البطاقة", "متى تصل البطاقة"),
            ("سعر الصرف", "كم سعر الصرف اليوم"),
            ("سعر الصرف", "سعر الصرف غلط"),
            ("وصول البطاقة", "وين بطاقتي"),
        ]
    )
    csv = _write(folder / "train.csv", "label,text\n" + rows + "\n")
    examples = nlu.read_arbanking77(csv)
    assert [intent for _, intent in examples] == [
        "card_arrival",
        "card_arrival",
        "exchange_rate",
        "exchange_rate",
        "card_arrival",
    ]


def test_sib200_topics_are_valid_intent_names(tmp_path: Path) -> None:
    tsv = _write(
        tmp_path / "train.tsv",
        "index_id\tcategory\ttext\n"
        '1\tscience/technology\tRadar became more "accurate".\n'
        "2\ttravel\tTake a map.\n"
        "3\tsports\tHe won.\n"
        "4\thealth\tDrink water.\n"
        "5\tgeography\tTurkey is encircled by seas.\n",
    )
    examples = nlu.read_sib200(tsv)
    assert examples[0] == ('Radar became more "accurate".', "science_technology")
    assert len(examples) == 5 and all("/" not in intent for _, intent in examples)


def test_pipeline_is_config_ymls_without_the_policies_choosing_its_weighting() -> None:
    base = nlu.ROOT / "config.yml"
    config = nlu.pipeline_config(base)
    expected = yaml.safe_load(base.read_text())["pipeline"]
    for step in expected:
        if step["name"].endswith("LinearIntentClassifier"):
            step["weighting"] = "auto"
    assert config["pipeline"] == expected
    assert config["policies"] == []


def test_scores() -> None:
    scores = nlu.score(["a", "b", "b"], ["a", "b", "a"], ["a", "nlu_fallback", "a"])
    assert scores["accuracy"] == 2 / 3 and scores["accuracy_with_fallback"] == 1 / 3
    assert scores["fallback_rate"] == 1 / 3
