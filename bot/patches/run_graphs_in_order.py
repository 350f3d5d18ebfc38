"""Run Rasa's prediction graphs node by node in a remembered order, without dask.

HIGH RISK: replaces `DaskGraphRunner.run` and reads its private state.

Reason: each message runs Rasa's prediction graph three times (NLU, then the policies before and
after the action), and each run went through dask: the needed subgraph recomputed by an
unmemoised walk of the schema, a dask graph built, and dask's scheduler with its thread queue,
all for nodes that run one after another anyway. Here the order of the nodes a set of targets
needs is found once per runner and set of targets, and the nodes are called in it with exactly
the inputs dask gave them: each parent's (name, output), or the parent's bare name when nothing
provides it (GraphNode then says which input is missing); run inputs replace nodes of the same
name; a RuntimeError becomes Rasa's GraphRunError.

Gain (docs/bench.md, item 11): 1.0 ms of a 7 ms turn in-process (graph runs 4.5 -> 3.5 ms per
turn over 300 plain turns). Alternating quick-run pairs at 10 users, custom-action turns:
90.3 -> 113.6, 87.2 -> 102.3, 86.5 -> 88.7, 74.2 -> 96.6 turns/s; Rasa CPU per turn
9.7-11.7 -> 7.3-9.3 ms.

Risk: high. It relies on Rasa private API and on how dask's runner behaves, not on a contract:
- the private attributes `DaskGraphRunner._graph_schema` and `DaskGraphRunner._instantiated_nodes`
  (set in `__init__`), and `GraphSchema.nodes`, `SchemaNode.needs`, `GraphSchema.target_names`;
- GraphNode's calling convention under dask: positional `(name, output)` pairs in the order of
  `SchemaNode.needs`, a bare string for a missing input; and the error conventions of
  `DaskGraphRunner.run` (a RuntimeError becomes GraphRunError; an input value equal to a node
  name is refused).
If Rasa renames those attributes, every message fails (AttributeError in the graph run). If it
changes how nodes are called or adds anything to `DaskGraphRunner.run` (hooks, tracing, input
handling), this copy silently does the old thing: wrong or missing inputs to components, hence
wrong predictions, or behaviour Rasa added being skipped. It is applied on Rasa 3.6.21 only;
before moving to another Rasa, re-read `rasa/engine/runner/dask.py` and run
tests/bot/patches/test_run_graphs_in_order.py, which compares outputs, errors and a trained
assistant's whole conversation with dask's runner. LIAISON_RASA_PATCHES can leave it out.
"""

from __future__ import annotations

from typing import Any

from bot.patches._originals import Originals


def execution_order(schema: Any, targets: tuple[str, ...]) -> list[str]:
    """The nodes of a `GraphSchema` the targets need, parents first (depth-first from the
    targets)."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name not in schema.nodes:
            return
        seen.add(name)
        for parent in schema.nodes[name].needs.values():
            visit(parent)
        order.append(name)

    for target in targets:
        visit(target)
    return order


def run_inputs(inputs: dict[str, Any] | None, order: list[str]) -> dict[str, Any]:
    """A run's inputs as the outputs dask starts from, each `(name, value)`; an input value
    equal to a node's name is refused with dask's runner's error."""
    from rasa.engine.exceptions import GraphRunError

    outputs: dict[str, Any] = {}
    for name, value in (inputs or {}).items():
        if isinstance(value, str) and value in order:
            raise GraphRunError(
                f"Input value '{value}' clashes with a node name. Make sure that none of "
                f"the input names passed to the `run` method are the same as node names "
                f"in the graph schema."
            )
        outputs[name] = (name, value)
    return outputs


def apply() -> Originals:
    """Replace `DaskGraphRunner.run`; return what it replaced."""
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner

    def run(
        self: DaskGraphRunner,
        inputs: dict[str, Any] | None = None,
        targets: list[str] | None = None,
    ) -> dict[str, Any]:
        run_targets = tuple(targets if targets else self._graph_schema.target_names)
        orders = self.__dict__.setdefault("_liaison_orders", {})
        order = orders.get(run_targets)
        if order is None:
            order = orders[run_targets] = execution_order(self._graph_schema, run_targets)
        outputs = run_inputs(inputs, order)
        nodes = self._graph_schema.nodes
        try:
            for name in order:
                if name not in outputs:
                    parents = nodes[name].needs.values()
                    outputs[name] = self._instantiated_nodes[name](
                        *(outputs.get(parent, parent) for parent in parents)
                    )
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error
        return dict(outputs[target] for target in run_targets)

    originals = Originals()
    originals.replace(DaskGraphRunner, "run", run)
    return originals
