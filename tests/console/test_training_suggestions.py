"""Issue 18, item 14: training suggestions stay valid YAML (Rasa NLU format) whatever the
question or the officer's name holds; an escape character once made the whole file unparsable."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lookup.console.unanswered import append_training_example

HOSTILE = [
    "when\x1b[31m is lunch?",
    "bus\u202e times \u2066x\u2069",
    "a: b # c",
    "- [x] {y: z} | > & * ! % @ `",
    "\"quoted\" and 'single'",
    "line one\nline two\u2028three\x85four",
    "trailing backslash \\",
    "غداء\u200f؟",
]


def test_every_suggestion_keeps_the_file_parsable(tmp_path: Path) -> None:
    for text in HOSTILE:
        append_training_example(
            tmp_path, "en", "ask_meal_times", text, note="by Capt.\x1b X\nnext line \x00"
        )
    path = tmp_path / "training-suggestions" / "en.yml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert document["version"] == "3.1"
    examples = [entry["examples"] for entry in document["nlu"]]
    assert [entry["intent"] for entry in document["nlu"]] == ["ask_meal_times"] * len(HOSTILE)
    assert examples[0] == "- when[31m is lunch?\n"
    assert examples[1] == "- bus times x\n"
    assert examples[2] == "- a: b # c\n"
    assert examples[5] == "- line one line two three four\n"  # one example, one line
    assert examples[7] == "- غداء؟\n"
    for example in examples:  # Rasa reads one "- " line per example
        assert example.startswith("- ") and example.count("\n") == 1


def test_a_bad_intent_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        append_training_example(tmp_path, "en", "greet\n- intent: x", "hi", note="")
