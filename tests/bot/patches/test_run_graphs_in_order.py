"""bot.patches.run_graphs_in_order runs Rasa's graphs without dask and changes nothing
else: the same outputs from the same inputs, the same errors, the same conversation."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.exceptions import RasaException

from bot.patches._originals import Originals

CALLS: list[str] = []


class Halt(RasaException, RuntimeError):
    """A Rasa exception that is also a RuntimeError: GraphNode lets it through, dask's runner
    turns it into a GraphRunError."""


class Step(GraphComponent):
    """Adds its `add` to the sum of its inputs; records that it ran."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Step:
        return cls(config)

    def run(self, **inputs: Any) -> Any:
        CALLS.append(self.config["name"])
        if self.config.get("fail") == "halt":
            raise Halt("this step halts the run")
        if self.config.get("fail"):
            raise RuntimeError("this step fails")
        return sum(inputs.values()) + self.config["add"]


def step(
    name: str, add: int, needs: dict[str, str], target: bool = False, **extra: Any
) -> SchemaNode:
    return SchemaNode(
        needs=needs,
        uses=Step,
        constructor_name="create",
        fn="run",
        config={"name": name, "add": add, **extra},
        eager=True,
        is_target=target,
    )


def diamond(**failing: Any) -> GraphSchema:
    """source → left, right → joined → top; `lonely` hangs off the input alone."""
    return GraphSchema(
        {
            "source": step("source", 1, {"x": "__x__"}),
            "left": step("left", 10, {"a": "source"}, **failing),
            "right": step("right", 100, {"a": "source"}),
            "joined": step("joined", 1000, {"l": "left", "r": "right"}, target=True),
            "top": step("top", 0, {"j": "joined", "s": "source"}, target=True),
            "lonely": step("lonely", 5, {"x": "__x__"}),
        }
    )


@pytest.fixture()
def runners(
    tmp_path: Path, apply_patch: Callable[..., Originals]
) -> Iterator[Callable[[GraphSchema], tuple[Any, Any]]]:
    """Builds (Rasa's dask run, the in-order run) of a schema."""
    dask_run = DaskGraphRunner.run
    apply_patch("run_graphs_in_order")
    in_order_run = DaskGraphRunner.run
    assert in_order_run is not dask_run
    storage = LocalModelStorage(tmp_path)

    def build(schema: GraphSchema) -> tuple[Any, Any]:
        runner = DaskGraphRunner(schema, storage, ExecutionContext(schema, "test"))

        def with_dask(**kwargs: Any) -> Any:
            return dask_run(runner, **kwargs)

        def in_order(**kwargs: Any) -> Any:
            return in_order_run(runner, **kwargs)

        return with_dask, in_order

    yield build


def outcome(run: Callable[..., Any], **kwargs: Any) -> tuple[Any, list[str]]:
    CALLS.clear()
    try:
        result: Any = run(**kwargs)
    except Exception as error:  # the type and message are the outcome
        result = (type(error).__name__, str(error), type(error.__cause__).__name__)
    return result, sorted(CALLS)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"inputs": {"__x__": 2}},
        {"inputs": {"__x__": 2}, "targets": ["top"]},
        {"inputs": {"__x__": 2}, "targets": ["left", "lonely"]},
        {"inputs": {"__x__": 2, "right": 7}, "targets": ["joined"]},  # an input replaces a node
        {"inputs": {"__x__": 3}, "targets": ["__x__"]},  # an input as the target
    ],
)
def test_the_same_outputs_and_each_needed_node_once(
    runners: Callable[[GraphSchema], tuple[Any, Any]], kwargs: dict[str, Any]
) -> None:
    with_dask, in_order = runners(diamond())
    expected = outcome(with_dask, **kwargs)
    assert outcome(in_order, **kwargs) == expected
    assert outcome(in_order, **kwargs) == expected  # the second time from the remembered order
    result, calls = expected
    assert len(calls) == len(set(calls))
    if kwargs.get("targets") == ["top"]:
        source = 2 + 1
        assert result == {"top": (source + 10) + (source + 100) + 1000 + source}
        assert "lonely" not in calls


@pytest.mark.parametrize(
    "schema,kwargs,error",
    [
        (diamond(fail=True), {"inputs": {"__x__": 2}}, "GraphComponentException"),
        (diamond(fail="halt"), {"inputs": {"__x__": 2}}, "GraphRunError"),
        (diamond(), {}, "GraphRunError"),  # nothing provides __x__: GraphNode names it
        (diamond(), {"inputs": {"__x__": "left"}}, "GraphRunError"),  # a node's name as value
    ],
)
def test_the_same_errors(
    runners: Callable[[GraphSchema], tuple[Any, Any]],
    schema: GraphSchema,
    kwargs: dict[str, Any],
    error: str,
) -> None:
    with_dask, in_order = runners(schema)
    expected = outcome(with_dask, **kwargs)
    assert expected[0][0] == error
    assert outcome(in_order, **kwargs) == expected


TINY_DOMAIN = {
    "version": "3.1",
    "intents": ["greet", "thank", "bye"],
    "responses": {
        "utter_greet": [{"text": "Hello!"}],
        "utter_thank": [{"text": "You're welcome."}],
        "utter_bye": [{"text": "Goodbye."}],
        "utter_default": [{"text": "Sorry?"}],
    },
}
TINY_NLU = {
    "greet": ["hello", "hi there", "good morning", "hey", "salut", "bonjour"],
    "thank": ["thanks", "thank you", "merci", "many thanks", "cheers", "thanks a lot"],
    "bye": ["bye", "goodbye", "see you", "au revoir", "later", "bye bye"],
}
TINY_CONFIG = {
    "recipe": "default.v1",
    "language": "xx",
    "assistant_id": "graph-order",
    "pipeline": [
        {"name": "WhitespaceTokenizer"},
        {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "min_ngram": 1, "max_ngram": 3},
        {"name": "bot.nlu.linear_intent_classifier.LinearIntentClassifier", "random_seed": 1},
        {"name": "FallbackClassifier", "threshold": 0.3},
    ],
    "policies": [{"name": "MemoizationPolicy"}, {"name": "RulePolicy"}],
}


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> str:
    from rasa.model_training import train

    folder = tmp_path_factory.mktemp("graph-order")
    rules = {
        "version": "3.1",
        "rules": [
            {"rule": intent, "steps": [{"intent": intent}, {"action": f"utter_{intent}"}]}
            for intent in TINY_NLU
        ],
    }
    nlu = {
        "version": "3.1",
        "nlu": [
            {"intent": intent, "examples": "".join(f"- {t}\n" for t in texts)}
            for intent, texts in TINY_NLU.items()
        ],
    }
    for name, content in [
        ("domain.yml", TINY_DOMAIN),
        ("config.yml", TINY_CONFIG),
        ("rules.yml", rules),
        ("nlu.yml", nlu),
    ]:
        (folder / name).write_text(yaml.safe_dump(content))
    result = train(
        str(folder / "domain.yml"),
        str(folder / "config.yml"),
        [str(folder / "rules.yml"), str(folder / "nlu.yml")],
        str(folder / "models"),
    )
    assert result.model, "training produced no model"
    return result.model


def conversation(model: str) -> list[Any]:
    """What a trained assistant says and records, message by message."""
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    seen: list[Any] = []
    for text in ["hello", "merci", "qwzx vbnm", "thanks a lot", "au revoir"]:
        replies = asyncio.run(agent.handle_text(text, sender_id="visitor"))
        parse = asyncio.run(agent.parse_message(text))
        seen.append((text, replies, parse["intent"], parse["intent_ranking"]))
    tracker = asyncio.run(agent.tracker_store.retrieve("visitor"))
    assert tracker is not None
    return [seen, [without_ids(event.as_dict()) for event in tracker.events]]


def without_ids(event: dict[str, Any]) -> dict[str, Any]:
    """An event without what is new each run: its time and its random message id."""
    kept = {k: v for k, v in event.items() if k not in ("timestamp", "message_id")}
    if "parse_data" in kept:
        kept["parse_data"] = {k: v for k, v in kept["parse_data"].items() if k != "message_id"}
    return kept


def test_a_trained_assistant_answers_and_records_the_same(
    tiny_model: str, apply_patch: Callable[..., Originals]
) -> None:
    dask_run = DaskGraphRunner.run
    expected = conversation(tiny_model)
    apply_patch("run_graphs_in_order")
    assert DaskGraphRunner.run is not dask_run
    assert conversation(tiny_model) == expected
    assert [reply["text"] for _, replies, _, _ in expected[0] for reply in replies] == [
        "Hello!",
        "You're welcome.",
        "Sorry?",
        "You're welcome.",
        "Goodbye.",
    ]
