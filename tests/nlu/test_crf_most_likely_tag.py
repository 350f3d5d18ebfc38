"""StoredCRFEntityExtractor's most likely tags and confidences are Rasa's, float for float."""

from __future__ import annotations

import random

from rasa.nlu.extractors.crf_entity_extractor import CRFEntityExtractor
from rasa.utils.tensorflow.constants import BILOU_FLAG

from bot.nlu.stored_crf import StoredCRFEntityExtractor

LABELS = ["O", *(f"{p}-{e}" for e in ("venue", "event", "rank") for p in ("B", "I", "L", "U"))]


def _predictions(chosen: random.Random, tokens: int, labels: list[str]) -> list[dict[str, float]]:
    rows = []
    for _ in range(tokens):
        weights = [chosen.random() ** 3 for _ in labels]
        rows.append({label: w / sum(weights) for label, w in zip(labels, weights, strict=True)})
    return rows


def test_the_same_tags_and_confidences_as_rasas() -> None:
    chosen = random.Random(22)
    for bilou in (True, False):
        extractor = object.__new__(StoredCRFEntityExtractor)  # only its config is read
        extractor.component_config = {BILOU_FLAG: bilou}
        for case in range(300):
            labels = LABELS if case % 3 else chosen.sample(LABELS, len(LABELS))  # label order
            predictions = _predictions(chosen, chosen.randint(0, 12), labels)
            if case % 7 == 0 and predictions:  # a tie: the first of the tied labels wins
                predictions[0] = dict.fromkeys(labels, 1 / len(labels))
            ours = extractor._most_likely_tag(predictions)
            rasas = CRFEntityExtractor._most_likely_tag(extractor, predictions)
            assert ours == rasas
