from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.text_normalizer import TextNormalizer
from common.textnorm import fold, fold_with_offsets


@pytest.mark.parametrize(
    "text,expected",
    [
        ("أَيْنَ المُصَلّى", "اين المصلي"),  # diacritics, hamza on alef, alef maqsura
        ("الصـــلاة", "الصلاه"),  # tatweel, ta marbuta
        ("إفطار آخر", "افطار اخر"),
        ("المبنى ١٢ و ۷", "المبني 12 و 7"),  # Arabic-Indic and Eastern digits
        ("Où est la salle de PRIÈRE ?", "ou est la salle de priere ?"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected
    assert fold_with_offsets(text)[0] == expected


def test_entity_spans_follow_the_text_in_training_and_inference() -> None:
    text = "وين الصّالة الرياضية بكرة"
    start = text.index("الصّالة")
    end = start + len("الصّالة الرياضية")
    message = Message(
        data={TEXT: text, ENTITIES: [{"start": start, "end": end, "entity": "venue", "value": "x"}]}
    )
    TextNormalizer().process_training_data(TrainingData([message]))
    [entity] = message.get(ENTITIES)
    assert message.get(TEXT)[entity["start"] : entity["end"]] == fold("الصّالة الرياضية")

    [parsed] = TextNormalizer().process([Message(data={TEXT: "الصّالة"})])
    assert parsed.get(TEXT) == "الصاله"
