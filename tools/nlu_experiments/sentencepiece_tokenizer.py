"""Rasa component: a subword tokenizer whose sentencepiece model is trained on the project's own
training examples at `rasa train` time and stored inside the Rasa model.

Subwords let rare inflected and agglutinated forms (Arabic clitics: و+ب+ال+..., French elisions)
share pieces with forms seen in training. Whether that beats whitespace tokens is measured by
`make compare-tokenizers`; see docs/nlu.md.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Dict, List, Optional

import sentencepiece as spm
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

MODEL_FILE = "subwords.model"
WORD_START = "▁"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=True)
class SentencePieceTokenizer(Tokenizer):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            **WhitespaceTokenizer.get_default_config(),  # Rasa's options of every tokenizer
            # An upper bound: small corpora get fewer pieces (hard_vocab_limit off).
            "vocab_size": 2000,
            "model_type": "unigram",
        }

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        processor: Optional[spm.SentencePieceProcessor] = None,
    ) -> None:
        super().__init__(config)
        self._model_storage = model_storage
        self._resource = resource
        self._processor = processor

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentencePieceTokenizer:
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SentencePieceTokenizer:
        with model_storage.read_from(resource) as directory:
            processor = spm.SentencePieceProcessor(model_file=str(directory / MODEL_FILE))
        return cls(config, model_storage, resource, processor)

    @staticmethod
    def required_packages() -> List[str]:
        return ["sentencepiece"]

    def train(self, training_data: TrainingData) -> Resource:
        texts = [m.get(TEXT) for m in training_data.training_examples if m.get(TEXT)]
        with tempfile.TemporaryDirectory() as scratch:
            corpus = Path(scratch) / "corpus.txt"
            corpus.write_text("\n".join(texts), encoding="utf-8")
            prefix = Path(scratch) / "subwords"
            spm.SentencePieceTrainer.train(
                input=str(corpus),
                model_prefix=str(prefix),
                vocab_size=self._config["vocab_size"],
                model_type=self._config["model_type"],
                hard_vocab_limit=False,
                character_coverage=1.0,
                normalization_rule_name="identity",  # TextNormalizer already folded the text
                num_threads=1,  # deterministic
                minloglevel=2,
            )
            with self._model_storage.write_to(self._resource) as directory:
                (directory / MODEL_FILE).write_bytes(prefix.with_suffix(".model").read_bytes())
            self._processor = spm.SentencePieceProcessor(model_file=str(prefix) + ".model")
        return self._resource

    def tokenize(self, message: Message, attribute: str) -> List[Token]:
        text = message.get(attribute)
        if self._processor is None:
            raise RuntimeError("SentencePieceTokenizer used before it was trained or loaded")
        tokens, offset = [], 0
        for piece in self._processor.encode(text, out_type=str):
            surface = piece.replace(WORD_START, " ").strip()
            if not surface:
                continue
            start = text.find(surface, offset)
            if start < 0:  # a piece sentencepiece rewrote; skip rather than misplace it
                continue
            tokens.append(Token(surface, start))
            offset = start + len(surface)
        return self._apply_token_pattern(tokens)
