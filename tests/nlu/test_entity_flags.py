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

from bot.nlu.entity_flags import (
    CORE,
    PATTERN,
    RARE,
    EntityWordFlags,
    arabic_core,
    word_class_patterns,
)


def _tokenized(texts: list[str]) -> list[Message]:
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    messages = [Message(data={TEXT: t}) for t in texts]
    tokenizer.process(messages)
    return messages


def _flags(message: Message, name: str) -> dict[str, bool]:
    return {t.text: t.get(PATTERN).get(name, False) for t in message.get(TOKENS_NAMES[TEXT])}


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
        {"other": False},
        {"other": True, RARE: True},
    ]


def test_only_the_flags_that_are_on_are_kept() -> None:
    """Rasa's training cache hashes every token's flags at each later step: off ones cost time
    and tell the CRF nothing (it gets no False feature)."""
    tables = [{"name": "date_word_en", "elements": ["friday"]}]
    patterns = word_class_patterns(TrainingData(lookup_tables=tables))
    flags = EntityWordFlags({}, None, None, frozenset({"gym", "on"}), patterns)
    [message] = _tokenized(["gym on friday"])
    flags.process([message])
    flags.process([message])  # flagged again (training, then a cached message): same flags
    assert [t.get(PATTERN) for t in message.get(TOKENS_NAMES[TEXT])] == [
        {},
        {},
        {RARE: True, "date_word_en": True},
    ]


def test_arabic_words_share_their_core_with_and_without_clitics() -> None:
    assert {w: arabic_core(w) for w in ["بالسكن", "للمطار", "والفندق", "السكن", "مسجد"]} == {
        "بالسكن": "سكن",
        "للمطار": "مطار",
        "والفندق": "فندق",
        "السكن": "سكن",
        "مسجد": "مسجد",
    }
    # A bare ب or ل may be a root letter: only a prefix ending in the article comes off.
    assert arabic_core("باص") == "باص" and arabic_core("gym") is None


def test_a_closed_class_word_is_flagged_under_its_clitics() -> None:
    tables = [
        {"name": "venue_kind_ar", "elements": ["المطار"]},
        {"name": "date_word_ar", "elements": ["الجمعه"]},
    ]
    patterns = word_class_patterns(TrainingData(lookup_tables=tables))
    flags = EntityWordFlags({}, None, None, frozenset(), patterns)
    [message] = _tokenized(["في باص للمطار بالجمعه"])
    flags.process([message])
    assert [w for w, on in _flags(message, "venue_kind_ar").items() if on] == ["للمطار"]
    assert [w for w, on in _flags(message, "date_word_ar").items() if on] == ["بالجمعه"]
    assert [t.get(PATTERN).get(CORE) for t in message.get(TOKENS_NAMES[TEXT])] == [
        None,  # two letters
        "باص",
        "مطار",
        "جمعه",
    ]

    without = EntityWordFlags({"arabic_core": False}, None, None, frozenset(), patterns)
    [message] = _tokenized(["في باص للمطار بالجمعه"])
    without.process([message])
    assert not any(_flags(message, "venue_kind_ar").values())


def test_a_people_in_any_of_its_forms_and_a_rank_after_lil_are_flagged() -> None:
    """The tables list a people in one or two forms ("الكندي", "القطري"); the feminine plural,
    the -يين plural and the feminine, with or without clitics, are flagged as the nation's word,
    for the nations' table alone ("الفرنسيين" is not the French language). ل + اللوا is written
    "للوا": the rank, whose core is not "وا"."""
    tables = [
        {"name": "country_word_ar", "elements": ["الكندي", "القطري", "الفرنسي"]},
        {"name": "language_word_ar", "elements": ["الفرنسي"]},
        {"name": "rank_word_ar", "elements": ["لوا"]},
        {"name": "date_word_ar", "elements": ["الليل"]},
    ]
    patterns = word_class_patterns(TrainingData(lookup_tables=tables))
    flags = EntityWordFlags({}, None, None, frozenset(), patterns)
    [message] = _tokenized(["المجندات الكنديات وللقطريين والفرنسيين قالوا للوا لليل ليه"])
    flags.process([message])
    assert [w for w, on in _flags(message, "country_word_ar").items() if on] == [
        "الكنديات",
        "وللقطريين",
        "والفرنسيين",
    ]
    assert not any(_flags(message, "language_word_ar").values())
    assert [w for w, on in _flags(message, "rank_word_ar").items() if on] == ["للوا"]
    assert [w for w, on in _flags(message, "date_word_ar").items() if on] == ["لليل"]
