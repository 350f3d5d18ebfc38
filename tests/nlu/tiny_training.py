"""Train a tiny NLU model for a test: a config and {intent: [examples]} written to a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# Three intents in the three languages, enough for a pipeline to learn and tell apart.
EXAMPLES = {
    "greet": ["hello there", "good morning", "hi all", "bonjour", "salut à tous", "مرحبا", "أهلا"],
    "ask_meal_times": [
        "when is lunch",
        "what time is dinner served",
        "breakfast hours?",
        "à quelle heure on mange",
        "horaires du petit déjeuner",
        "متى الغداء",
        "وقت العشاء",
    ],
    "ask_transport": [
        "when does the bus leave",
        "shuttle to the base?",
        "is there a car to the airport",
        "navette pour la base",
        "le bus part quand",
        "متى الباص",
        "فيه مواصلات للمطار",
    ],
}


def train_tiny_nlu(
    config: dict[str, Any], examples: dict[str, list[str]], folder: Path, name: str | None = None
) -> str:
    from rasa.model_training import train_nlu

    (folder / "config.yml").write_text(yaml.safe_dump(config))
    nlu = {
        "version": "3.1",
        "nlu": [
            {"intent": intent, "examples": "".join(f"- {t}\n" for t in texts)}
            for intent, texts in examples.items()
        ],
    }
    (folder / "nlu.yml").write_text(yaml.safe_dump(nlu, allow_unicode=True))
    model = train_nlu(
        str(folder / "config.yml"),
        str(folder / "nlu.yml"),
        str(folder / "out"),
        fixed_model_name=name,
    )
    assert model, "training produced no model"
    return model
