"""The components built on spaCy's blank pipelines: per-language tokenisation and lemma lookup."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.language_detector import DETECTED_LANGUAGE, LanguageDetector
from common.textnorm import fold
from tests.nlu.tiny_training import train_tiny_nlu
from tools.nlu_experiments.language_tokenizer import LanguageTokenizer
from tools.nlu_experiments.lemmatizer import LookupLemmatizer, lemma_table


def tokens(text: str, language: str | None, lemmatize: bool = False) -> list[Token]:
    """The message's tokens after LanguageTokenizer (and LookupLemmatizer)."""
    message = Message(data={TEXT: text})
    if language:
        message.set(DETECTED_LANGUAGE, language)
    LanguageTokenizer(LanguageTokenizer.get_default_config()).process([message])
    if lemmatize:
        LookupLemmatizer(LookupLemmatizer.get_default_config()).process([message])
    return message.get(TOKENS_NAMES[TEXT])


def tokenize(text: str, language: str | None) -> list[str]:
    found = tokens(text, language)
    assert all(text[t.start : t.end] == t.text for t in found), "offsets point at the words"
    return [t.text for t in found]


def test_french_elisions_are_split_by_french_rules() -> None:
    assert tokenize("qu'est-ce qu'on mange a l'heure du dejeuner ?", "fr") == [
        "qu'",
        "est",
        "-ce",
        "qu'",
        "on",
        "mange",
        "a",
        "l'",
        "heure",
        "du",
        "dejeuner",
    ]


def test_english_contractions_are_split_by_english_rules() -> None:
    assert tokenize("what's on at the range today?", "en") == [
        "what",
        "'s",
        "on",
        "at",
        "the",
        "range",
        "today",
    ]


def test_without_a_language_the_neutral_rules_apply() -> None:
    assert tokenize("wifi ?", None) == ["wifi"]
    assert tokenize("وين المطعم؟", "ar") == ["وين", "المطعم"]


def test_a_message_of_punctuation_is_one_token() -> None:
    assert tokenize("?!", "en") == ["?!"]


def lemmas(text: str, language: str | None) -> list[str]:
    return [t.lemma for t in tokens(text, language, lemmatize=True)]


def test_words_get_their_dictionary_form_in_their_own_language() -> None:
    # Folded text, as TextNormalizer hands it on: the tables are folded the same way.
    assert lemmas(fold("où sont les drapeaux pour les cérémonies"), "fr") == [
        "ou",
        "etre",
        "le",
        "drapeau",
        "pour",
        "le",
        "ceremonie",
    ]
    assert lemmas("when were the flags raised", "en") == ["when", "be", "the", "flag", "raise"]


def test_words_of_other_languages_and_undetected_messages_keep_their_form() -> None:
    # "as" is a French word ("tu as") and an English one: the message's language decides.
    assert lemmas("as far as i know", "en")[0] != lemmas("tu as faim", "fr")[1]
    assert lemmas("les drapeaux", None) == ["les", "drapeaux"]
    assert lemmas("وين الاعلام", "ar") == ["وين", "الاعلام"]


def test_folding_prefers_the_form_that_was_already_folded() -> None:
    table = lemma_table("fr")
    assert table["prieres"] == "priere"
    assert all(key == fold(key) and value == fold(value) for key, value in table.items())


def test_a_language_without_a_table_is_refused_at_load_time() -> None:
    with pytest.raises(ValueError, match="no lemma table for 'ar'"):
        LookupLemmatizer({"languages": ["ar"]})


def test_training_examples_carry_their_detected_language() -> None:
    detector = LanguageDetector(
        {**LanguageDetector.get_default_config(), "learn_vocabulary": False}
    )
    examples = [Message(data={TEXT: t}) for t in ("où est la salle de prière", "ok")]
    detector.process_training_data(TrainingData(examples))
    assert [m.get(DETECTED_LANGUAGE) for m in examples] == ["fr", None]


def test_a_trained_model_meets_an_unseen_inflection_through_its_lemma(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Words only (no character n-grams): "drapeau" and "cérémonie" never occur in training,
    only their plurals, so only the lemmas tell the two questions apart."""
    import asyncio

    from rasa.core.agent import Agent

    # One training cache for both models, as on a developer's machine: the model without
    # lemmas must not be handed featurizers trained with them.
    monkeypatch.setenv("RASA_CACHE_DIRECTORY", str(tmp_path / "cache"))
    carriers = ("parlez-moi des {}", "des infos sur les {} svp", "une question sur les {}")
    examples = {
        "ask_flags": [c.format("drapeaux") for c in carriers],
        "ask_ceremonies": [c.format("cérémonies") for c in carriers],
    }
    questions = ("parlez-moi du drapeau", "parlez-moi de la cérémonie")

    def answers(with_lemmas: bool) -> list[str]:
        pipeline = [
            {"name": "bot.nlu.language_detector.LanguageDetector", "learn_vocabulary": False},
            {"name": "bot.nlu.text_normalizer.TextNormalizer"},
            {"name": "tools.nlu_experiments.language_tokenizer.LanguageTokenizer"},
            *(
                [{"name": "tools.nlu_experiments.lemmatizer.LookupLemmatizer"}]
                if with_lemmas
                else []
            ),
            {"name": "CountVectorsFeaturizer"},
            {"name": "bot.nlu.linear_intent_classifier.LinearIntentClassifier"},
        ]
        folder = tmp_path / ("lemmas" if with_lemmas else "forms")
        folder.mkdir()
        agent = Agent.load(
            train_tiny_nlu({"language": "xx", "pipeline": pipeline}, examples, folder)
        )
        return [asyncio.run(agent.parse_message(q))["intent"]["name"] for q in questions]

    assert answers(with_lemmas=True) == ["ask_flags", "ask_ceremonies"]
    # Without lemmas both questions share every known word with both intents: one answer.
    assert len(set(answers(with_lemmas=False))) == 1
