"""Training data: a merge's clean-up keeps each example's fingerprint when it changes nothing.

Reason: `TrainingData.__init__` cleans its examples (`sanitize_examples`): it strips the intent
and the response name with `Message.set`, which forgets the message's cached fingerprint even
when the stripped name is the same, then drops duplicates through a dict, which hashes each
message by its fingerprint (its data and features JSON-encoded and hashed). Rasa's importers
build a TrainingData per file, then merge them, and merge the result again in each importer of
the chain (the combined, responses-sync and end-to-end importers), each merge a deep copy that
keeps the cached fingerprint: so every example's fingerprint was computed again at each level.
Here the name is set only when stripping changes it, so a fingerprint already computed from the
same data is kept; the examples kept and their order are the same (the same hashes and the same
equality decide them).

Gain: in a py-spy profile of `python -m bot.train` (2026-12-07 04:37, load 2-8), the clean-up's
fingerprints were 23 s of the main process's 162 s of samples, all before any training step
(docs/nlu.md, "Training time, with margin").

Risk: low. It replaces the static method `TrainingData.sanitize_examples` with one that calls
`Message.set` only when the value changes. A fingerprint cached before some code wrote into a
message's `data` directly (not through `set`) would now be kept where Rasa's clean-up forgot it;
in 3.6.21 the readers and importers create or `set` every example they change.
tests/bot/patches/test_sanitize_keeping_fingerprints.py loads the project's NLU data through
Rasa's importer chain with and without the patch and compares the examples, their order and
their fingerprints computed afresh. Applied on Rasa 3.6.21 only.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from bot.patches._originals import Originals


def sanitize_examples(examples: list[Any]) -> list[Any]:
    """Rasa's `TrainingData.sanitize_examples`, with the intent and response stripped only where
    stripping changes them."""
    from rasa.shared.nlu.constants import INTENT, RESPONSE

    for example in examples:
        for key in (INTENT, RESPONSE):
            value = example.get(key)
            if value and value.strip() != value:
                example.set(key, value.strip())
    return list(OrderedDict.fromkeys(examples))


def apply() -> Originals:
    """Replace `TrainingData.sanitize_examples`."""
    from rasa.shared.nlu.training_data.training_data import TrainingData

    originals = Originals()
    originals.replace(TrainingData, "sanitize_examples", staticmethod(sanitize_examples))
    return originals
