"""Rasa component: Rasa's CRFEntityExtractor, stored as crfsuite's own model files.

Rasa 3.6's CRFEntityExtractor stores its training features and trains the CRF again every time a
model is loaded: with the entity word flags (bot/nlu/entity_flags.py) that is 36 s of every Rasa
start (a cluster replica coming back, each end-to-end stack) for the same weights each time.
This one stores what crfsuite wrote after training (its own binary model format, read by
crfsuite; nothing is unpickled) and opens it on load. Training, features and predictions are
Rasa's: tests/nlu/test_stored_crf.py compares the entities and confidences with Rasa's
component trained on the same data.
"""

from __future__ import annotations

import shutil
from collections import OrderedDict
from typing import Any

import rasa.shared.utils.io
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.crf_entity_extractor import CRFEntityExtractor, CRFToken

ORDER_FILE = "crf_order.json"


def model_file(tag_name: str) -> str:
    return f"crf_{tag_name}.crfsuite"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class StoredCRFEntityExtractor(CRFEntityExtractor):
    def persist(self, dataset: list[list[CRFToken]]) -> None:
        """The trained taggers' crfsuite files and their order, not the training features."""
        with self._model_storage.write_to(self._resource) as model_dir:
            rasa.shared.utils.io.dump_obj_as_json_to_file(model_dir / ORDER_FILE, self.crf_order)
            for tag_name, tagger in (self.entity_taggers or {}).items():
                shutil.copyfile(tagger.modelfile.name, model_dir / model_file(tag_name))

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> StoredCRFEntityExtractor:
        import sklearn_crfsuite  # type: ignore[import-untyped]

        try:
            with model_storage.read_from(resource) as model_dir:
                crf_order = rasa.shared.utils.io.read_json_file(model_dir / ORDER_FILE)
                taggers: OrderedDict[str, Any] = OrderedDict()
                for tag_name in crf_order:
                    tagger = sklearn_crfsuite.CRF(
                        model_filename=str(model_dir / model_file(tag_name))
                    )
                    # crfsuite reads the whole file now, while the model's directory exists.
                    _ = tagger.tagger_
                    taggers[tag_name] = tagger
        except ValueError:
            # Nothing stored (no entities in the training data), as Rasa's own load does.
            return cls(config, model_storage, resource)
        extractor = cls(config, model_storage, resource, taggers)
        extractor.crf_order = crf_order
        return extractor
