"""With Rasa's training cache off, training computes no fingerprints for it.

Reason: `rasa train` hashes every node's output for its training cache (TrainingHook: the whole
TrainingData after each NLU step, each message's tokens JSON-encoded and its sparse features
turned into strings) and, before that, runs a whole "fingerprint run" of the graph to find what
the cache already holds. With the cache off (RASA_MAX_CACHE_SIZE=0) Rasa still does both: the
cache's `cache_output` returns at once, after the hash was made, and the fingerprint run asks an
empty in-memory cache, so it can only find that every node trains. Here, when the cache is off,
the trainer trains the whole graph as `--force` does and the hook neither hashes nor caches;
with the cache on, Rasa's own functions run unchanged. `python -m bot.train` (what `make model`
runs) turns the cache off unless RASA_MAX_CACHE_SIZE says otherwise.

Gain: a py-spy profile of `rasa train` of this project (2026-12-06 22:06, 572 s sampled at
load 11) had the hook's output hashing in 108 s and the fingerprint run in 40 s: 26 % of the
training's samples (docs/nlu.md, "Training time, again").

Risk: low. It replaces `GraphTrainer.train` and `TrainingHook.on_before_node`/`on_after_node`
with wrappers that read the cache's private `_is_disabled()` (LocalTrainingCache) and otherwise
call Rasa's own; what the cache would have kept is nothing either way when it is off. If Rasa
used the hook's fingerprint for anything but the cache, that would be skipped: in 3.6.21
`on_after_node` passes it to `cache_output` only. Applied on Rasa 3.6.21 only;
tests/bot/patches/test_train_without_cache_fingerprints.py trains a model with and without it
and compares their parses.
"""

from __future__ import annotations

from typing import Any

from bot.patches._originals import Originals


def _cache_off(cache: Any) -> bool:
    is_disabled = getattr(cache, "_is_disabled", None)
    return bool(is_disabled()) if callable(is_disabled) else False


def apply() -> Originals:
    """Replace the trainer's and the training hook's cache work when the cache is off."""
    from rasa.engine.training.graph_trainer import GraphTrainer
    from rasa.engine.training.hooks import TrainingHook

    rasa_train = GraphTrainer.train
    rasa_before = TrainingHook.on_before_node
    rasa_after = TrainingHook.on_after_node

    def train(
        self: GraphTrainer,
        model_configuration: Any,
        importer: Any,
        output_filename: Any,
        force_retraining: bool = False,
        is_finetuning: bool = False,
    ) -> Any:
        """Train the graph; the whole of it, without a fingerprint run, when the cache is off."""
        return rasa_train(
            self,
            model_configuration,
            importer,
            output_filename,
            force_retraining=force_retraining or _cache_off(self._cache),
            is_finetuning=is_finetuning,
        )

    def on_before_node(self: TrainingHook, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Calculate the run fingerprint for use in `on_after_node` (not when the cache is off)."""
        if _cache_off(self._cache):
            return {}
        return rasa_before(self, *args, **kwargs)

    def on_after_node(self: TrainingHook, *args: Any, **kwargs: Any) -> None:
        """Store the fingerprints and cache the node's output (not when the cache is off)."""
        if _cache_off(self._cache):
            return None
        return rasa_after(self, *args, **kwargs)

    originals = Originals()
    originals.replace(GraphTrainer, "train", train)
    originals.replace(TrainingHook, "on_before_node", on_before_node)
    originals.replace(TrainingHook, "on_after_node", on_after_node)
    return originals
