"""bot.nlu.entity_flags: rare and closed-class words are flagged for the CRF, and no feature is
added for the intent classifier."""

from __future__ import annotations

from pathlib import Path

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.entity_flags import PATTERN, RARE, EntityWordFlags


def _tokenized(texts: list[str]) -> list[Message]:
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    messages = [Message(data={TEXT: t}) for t in texts]
    tokenizer.process(messages)
    return messages


def _flags(message: Message, name: str) -> dict[str, bool]:
    return {t.text: t.get(PATTERN)[name] for t in message.get(TOKENS_NAMES[TEXT])}


def test_rare_and_closed_class_words_are_flagged_after_training_and_after_loading(
    tmp_path: Path,
) -> None:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("flags")
    context = ExecutionContext(GraphSchema({}), "test")
    flags = EntityWordFlags.create({"min_examples": 2}, storage, resource, context)
    training = TrainingData(
        _tokenized(["where is the gym", "where is the mess", "where is the Nahrani flag"]),
        lookup_tables=[{"name": "date_word_en", "elements": ["tomorrow", "day after tomorrow"]}],
    )
    flags.train(training)
    flags.process_training_data(training)
    example = training.training_examples[2]
    assert _flags(example, RARE) == {
        "where": False,
        "is": False,
        "the": False,
        "Nahrani": True,
        "flag": True,
    }
    assert not any(_flags(example, "date_word_en").values())

    loaded = EntityWordFlags.load({"min_examples": 2}, storage, resource, context)
    [message] = loaded.process(_tokenized(["is the Valmère gym open day after tomorrow"]))
    assert [w for w, rare in _flags(message, RARE).items() if rare] == [
        "Valmère",
        "gym",
        "open",
        "day",
        "after",
        "tomorrow",
    ]
    assert [w for w, on in _flags(message, "date_word_en").items() if on] == [
        "day",
        "after",
        "tomorrow",
    ]
    assert not message.features  # nothing for the intent classifier


def test_other_flags_on_a_token_are_kept() -> None:
    flags = EntityWordFlags({}, None, None, frozenset({"gym"}))
    [message] = _tokenized(["gym tomorrow"])
    for token in message.get(TOKENS_NAMES[TEXT]):
        token.set(PATTERN, {"other": token.text == "tomorrow"})
    flags.process([message])
    assert [t.get(PATTERN) for t in message.get(TOKENS_NAMES[TEXT])] == [
        {"other": False, RARE: False},
        {"other": True, RARE: True},
    ]
