"""Training: the CRF entity extractor trains in a forked child process, beside the other nodes.

Reason: Rasa runs the training graph one node after another (dask's synchronous scheduler), and
the CRF (bot/nlu/stored_crf.py: its made-up examples, Rasa's token features, crfsuite's L-BFGS,
which holds the GIL throughout, so a thread would not help) took 49 s on one core while the
other waited; then the intent classifier fitted its folds in two processes. The two need the same
input (the last featurizer's output) and neither reads what the other makes. Here, in a training
graph run with Rasa's training cache off (`python -m bot.train`), the nodes are called in a
dependency order in which each train node of a CRFEntityExtractor comes right after its inputs;
such a node is run in a process forked at that moment, which writes its files into the model
storage as it would have and sends back the node's output (its Resource). The parent meanwhile
runs the other nodes; it waits for the child before a node that needs the CRF's output and
before the run returns, so the model is packed only when the CRF's files are written. An error in
the child is raised in the parent as Rasa's own GraphComponentException would have been.

Gain: measured in docs/nlu.md ("Training time, with margin").

Risk: medium. It replaces the graph runner `rasa train` uses (the name `DaskGraphRunner` in
rasa.model_training; prediction graphs keep theirs, and bot/patches/run_graphs_in_order.py) with a
subclass whose `run` is Rasa's own except in those training runs, and reads the runner's state
(`_graph_schema`, `_instantiated_nodes`) and the nodes' `_component_class`,
`_fn_name` and `_hooks`, and calls the nodes as dask does (positional `(name, output)` pairs in
the order of `SchemaNode.needs`), as bot/patches/run_graphs_in_order.py does for prediction. What
the CRF's training does to objects it shares with other nodes (Rasa's CRF writes BILOU tags into
the training messages) stays in the child: no node after it reads them in this pipeline, and
tests/bot/patches/test_train_crf_in_child_process.py trains a model with and without the patch
and compares the model files and the parses. A fork of a process with other threads running is
unsafe if one holds a lock the child needs: the fork is made between two nodes, from the thread
that runs the graph, before the intent classifier starts its pool. Applied on Rasa 3.6.21 only.
"""

from __future__ import annotations

import os
import pickle
import sys
from typing import Any

from bot.patches._originals import Originals
from bot.patches.run_graphs_in_order import execution_order as dependency_order
from bot.patches.run_graphs_in_order import run_inputs


def _cache_off(hooks: list[Any]) -> bool:
    """Whether the run's training hook has Rasa's training cache off (the child then has nothing
    to store in it)."""
    from rasa.engine.training.hooks import TrainingHook

    training = [hook for hook in hooks if isinstance(hook, TrainingHook)]
    if not training:
        return False
    for hook in training:
        is_disabled = getattr(hook._cache, "_is_disabled", None)
        if not (callable(is_disabled) and is_disabled()):
            return False
    return True


def in_child(node: Any) -> bool:
    """A node this patch runs in a child process: training a CRFEntityExtractor (or subclass)
    with the training cache off."""
    from rasa.nlu.extractors.crf_entity_extractor import CRFEntityExtractor

    component = getattr(node, "_component_class", None)
    return (
        getattr(node, "_fn_name", None) == "train"
        and isinstance(component, type)
        and issubclass(component, CRFEntityExtractor)
        and _cache_off(getattr(node, "_hooks", []))
    )


def execution_order(schema: Any, targets: tuple[str, ...], early: set[str]) -> list[str]:
    """The nodes the targets need, parents first (run_graphs_in_order's order), with each node
    of `early` moved to right after the last of its parents."""
    order = dependency_order(schema, targets)
    for name in [n for n in order if n in early]:
        order.remove(name)
        parents = [order.index(p) for p in schema.nodes[name].needs.values() if p in order]
        order.insert(max(parents, default=-1) + 1, name)
    return order


class _Child:
    """A node's call in a forked process; `result()` waits for it and returns its output."""

    def __init__(self, node: Any, inputs: list[Any]) -> None:
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: run the node, send its output or error, exit at once
            os.close(read)
            code = 0
            try:
                try:
                    payload = pickle.dumps((True, node(*inputs)))
                    _remove_temporary_files(node)
                except BaseException as error:  # sent to the parent
                    code = 1
                    payload = _pickled_error(error)
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(payload)
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._read = pid, read
        self._done: tuple[bool, Any] | None = None

    def result(self) -> Any:
        if self._done is None:
            with os.fdopen(self._read, "rb") as pipe:
                payload = pipe.read()
            _, status = os.waitpid(self._pid, 0)
            if not payload:
                self._done = (False, RuntimeError(f"training child process ended ({status})"))
            else:
                ok, value = pickle.loads(payload)
                if not ok:
                    error_payload, cause_payload = value
                    value = pickle.loads(error_payload)[1]
                    if cause_payload is not None:
                        value.__cause__ = pickle.loads(cause_payload)
                self._done = (ok, value)
        ok, value = self._done
        if not ok:
            raise value
        return value


def _remove_temporary_files(node: Any) -> None:
    """The crfsuite model files sklearn_crfsuite wrote in the temporary folder: in Rasa's own
    process they go when the taggers are collected, which a child leaving with `os._exit` skips
    (their contents are in the model storage by then)."""
    component = getattr(node, "_component", None)
    for tagger in (getattr(component, "entity_taggers", None) or {}).values():
        modelfile = getattr(tagger, "modelfile", None)
        if modelfile is not None:
            modelfile.cleanup()


def _pickled_error(error: BaseException) -> bytes:
    """The error for the parent, with its cause (GraphNode's GraphComponentException is raised
    from the component's error, which pickling alone would drop)."""
    cause = error.__cause__
    try:
        payload = pickle.dumps((False, error))
        payload_cause = pickle.dumps(cause)
        pickle.loads(payload), pickle.loads(payload_cause)
        return pickle.dumps((False, (payload, payload_cause)))
    except Exception:  # an error that does not pickle: sent as text
        from rasa.engine.exceptions import GraphComponentException

        text = f"{type(error).__name__}: {error}"
        return pickle.dumps((False, (pickle.dumps((False, GraphComponentException(text))), None)))


def apply() -> Originals:
    """Make `rasa train`'s graph runner (the name `DaskGraphRunner` in rasa.model_training; the
    prediction graphs' runner is not touched) a subclass whose `run` trains CRF nodes in a child
    process when the training cache is off, and is Rasa's own run otherwise."""
    import rasa.model_training
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner

    class ChildProcessCRFGraphRunner(DaskGraphRunner):
        """DaskGraphRunner with CRF training nodes run in a forked process (module docstring)."""

        def run(
            self,
            inputs: dict[str, Any] | None = None,
            targets: list[str] | None = None,
        ) -> dict[str, Any]:
            nodes = self._instantiated_nodes
            schema = self._graph_schema
            run_targets = tuple(targets if targets else schema.target_names)
            early = {name for name, node in nodes.items() if in_child(node)}
            if not early:
                return super().run(inputs, targets)
            order = execution_order(schema, run_targets, early)
            early &= set(order)
            outputs = run_inputs(inputs, order)
            children: dict[str, _Child] = {}

            def output(name: str) -> Any:
                if name in children:
                    outputs[name] = children.pop(name).result()
                return outputs.get(name, name)

            try:
                errors: list[BaseException] = []
                try:
                    for name in order:
                        if name in outputs:
                            continue
                        parents = [output(parent) for parent in schema.nodes[name].needs.values()]
                        if name in early:
                            children[name] = _Child(nodes[name], parents)
                        else:
                            outputs[name] = nodes[name](*parents)
                finally:
                    for name in list(children):
                        try:
                            output(name)
                        except BaseException as error:  # raised below
                            errors.append(error)
                if errors:
                    raise errors[0]
            except RuntimeError as error:
                raise GraphRunError("Error running runner.") from error
            return dict(outputs[target] for target in run_targets)

    originals = Originals()
    originals.replace(rasa.model_training, "DaskGraphRunner", ChildProcessCRFGraphRunner)
    return originals
