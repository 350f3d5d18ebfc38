"""Training: the NLU files are read once, not once per language code asked for.

Reason: `rasa train` asks its importer chain for the NLU data three times: `model_training`
checks the data with `get_nlu_data()` (language "en"), the responses-sync importer's
`get_domain` asks with no argument, and the graph's NLUTrainingDataProvider asks for the
config's language ("xx" here). Rasa's importers cache per argument list, so every YAML file was
read, schema-checked (a round-trip YAML parse and pykwalify, the costliest part) and merged three
times, although Rasa's YAML reader ignores the language: the three results are the same data.
Here the combined importer and the responses-sync importer above it give, for any language,
what they gave for the first one asked, when everything below them reads Rasa YAML files only
(RasaFileImporter's NLU files all YAML); otherwise (JSON, Dialogflow's files, which do read the
language, another importer) Rasa's own method runs. The end-to-end importer at the top of the
chain still merges its own copy for each language, so the object the graph's components write
their tokens and features into is not the one `model_training` checked.

Gain: the importer calls of `rasa train`, in its order, on this repository's data: CPU 33.0 ->
14.7 s at load 16, all of it in the main process before any training step (docs/nlu.md,
"Training time, fifth pass").

Risk: low. Both consumers of the shared result copy it (the responses-sync importer merges the
combined data into a new TrainingData; the end-to-end importer merges the responses-sync data)
or only read it (`get_domain` reads its responses and retrieval intents), as with Rasa's own
per-argument cache, which also hands out one object to every caller. A caller that changed the
combined importer's result in place would now change it for both language codes.
tests/bot/patches/test_read_nlu_data_once.py reads the project's data through the chain with
and without the patch, as `rasa train` asks, and compares the examples, their order and
fingerprints, and the domain, and counts the files read (a third); and checks that a JSON file
still goes through Rasa's own method.
Applied on Rasa 3.6.21 only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.patches._originals import Originals

_FIRST = "_liaison_nlu_data_any_language"


def language_free(importer: Any) -> bool:
    """Whether the importer's NLU data is the same whatever the language asked for: Rasa's own
    file importer with YAML NLU files only, or a combined or responses-sync importer over such."""
    from rasa.shared.data import is_likely_yaml_file
    from rasa.shared.importers.importer import CombinedDataImporter, ResponsesSyncImporter
    from rasa.shared.importers.rasa import RasaFileImporter

    kind = type(importer)
    if kind is RasaFileImporter:
        return all(is_likely_yaml_file(path) for path in importer._nlu_files)
    if kind is CombinedDataImporter:
        return all(language_free(inner) for inner in importer._importers)
    if kind is ResponsesSyncImporter:
        return language_free(importer._importer)
    return False


def _any_language(original: Callable[..., Any]) -> Callable[..., Any]:
    def get_nlu_data(self: Any, language: str | None = "en") -> Any:
        if not language_free(self):
            return original(self, language)
        if _FIRST not in vars(self):
            setattr(self, _FIRST, original(self, language))
        return getattr(self, _FIRST)

    get_nlu_data.__doc__ = original.__doc__
    get_nlu_data.__wrapped__ = original  # type: ignore[attr-defined]
    return get_nlu_data


def apply() -> Originals:
    """Wrap `CombinedDataImporter.get_nlu_data` and `ResponsesSyncImporter.get_nlu_data`."""
    from rasa.shared.importers.importer import CombinedDataImporter, ResponsesSyncImporter

    originals = Originals()
    for owner in (CombinedDataImporter, ResponsesSyncImporter):
        originals.replace(owner, "get_nlu_data", _any_language(vars(owner)["get_nlu_data"]))
    return originals
