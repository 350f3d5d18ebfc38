from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.language_detector import LanguageDetector
from bot.nlu.language_id import LanguageIdentifier
from bot.nlu.language_vocabulary import LanguageVocabulary
from tests.nlu.tiny_training import train_tiny_nlu

IDENTIFIER = LanguageIdentifier(["ar", "en", "fr"])


@pytest.mark.parametrize(
    "text,expected",
    [
        ("وين المطعم؟", "ar"),
        ("متى الغدا", "ar"),
        ("أين المُصَلّى", "ar"),  # diacritics do not matter
        ("where can I pray", "en"),
        ("when is breakfast", "en"),
        ("où est la salle de prière", "fr"),
        ("ou est la salle de priere", "fr"),  # accents dropped
        ("bonjour", "fr"),
        ("thanks", "en"),
        ("أين الطعام? food", "ar"),  # mostly Arabic script
        ("وين الـ in-processing", "ar"),  # Arabic words around an English term
        ("what does مرحبا mean", "en"),  # an Arabic word quoted in English
    ],
)
def test_identifies_the_language(text: str, expected: str) -> None:
    assert IDENTIFIER.identify(text) == expected


@pytest.mark.parametrize(
    "text",
    # Too short or too international to tell: the conversation's language stands.
    ["", "  ", "12:30", "ok merci", "menu", "?!", "ok", "OK!", "okay", "wifi ?", "halal", "merci"],
)
def test_abstains_when_it_cannot_tell(text: str) -> None:
    assert IDENTIFIER.identify(text) is None


@pytest.mark.parametrize(
    "text",
    # Arabic expressions in Latin letters, used by visitors of every language.
    [
        "salam alaikum",
        "As-salamu alaykum",
        "jazak allah khair",
        "ma'a salama",
        "inshallah",
        "Ramadan Mubarak !",
        "shukran habibi",
    ],
)
def test_arabic_expressions_in_latin_letters_say_nothing_of_the_language(text: str) -> None:
    assert IDENTIFIER.identify(text) is None


def test_a_sentence_around_an_arabic_expression_still_tells() -> None:
    assert IDENTIFIER.identify("salam alaikum, where can I find the duty officer") == "en"
    assert IDENTIFIER.identify("salam alikoum, où se trouve l'officier de permanence") == "fr"


def test_unknown_language_code_is_refused() -> None:
    with pytest.raises(ValueError):
        LanguageIdentifier(["ar", "qq"])


def detect(text: str) -> list[dict]:
    component = LanguageDetector({**LanguageDetector.get_default_config()})
    [message] = component.process([Message(data={TEXT: text})])
    return [e for e in message.get(ENTITIES, []) if e["entity"] == "language"]


def test_component_tags_the_message_with_a_language_entity() -> None:
    [entity] = detect("à quelle heure est le dîner ?")
    assert entity["value"] == "fr"
    assert entity["extractor"] == "LanguageDetector"


def test_component_adds_nothing_when_unsure_so_the_slot_keeps_its_value() -> None:
    assert detect("menu") == []


def test_urdu_is_never_taken_for_arabic() -> None:
    urdu = "کھانا کب ملے گا؟"  # "when will food be served?"
    assert IDENTIFIER.identify(urdu) is None  # Urdu is not one of this assistant's languages
    assert LanguageIdentifier(["ar", "en", "fr", "ur"]).identify(urdu) == "ur"
    assert LanguageIdentifier(["ar", "en", "fr", "ur"]).identify("متى الغداء؟") == "ar"


# The domain vocabulary: a second opinion learned from the training examples.

FRENCH_DOMAIN = [
    "est-ce qu'il y a du café au self le matin",
    "y a du monde au self à midi",
    "le briefing du matin se passe où exactement",
    "il y a un briefing ce soir pour les équipes",
    "on mange à quelle heure au self ce soir",
]
ENGLISH_DOMAIN = [
    "thnx for the help with the shuttle times",
    "is the mess open for breakfast this morning",
    "where is the briefing for the liaison officers",
    "thnx a lot, that answers my question",
]


def vocabulary() -> LanguageVocabulary:
    return LanguageVocabulary.learn(
        [(t, "fr") for t in FRENCH_DOMAIN] + [(t, "en") for t in ENGLISH_DOMAIN]
    )


def test_vocabulary_prefers_the_language_whose_examples_use_the_words() -> None:
    posterior = vocabulary().posterior("y a du monde au self ?")
    assert posterior["fr"] > 0.9
    assert sum(posterior.values()) == pytest.approx(1.0)
    assert vocabulary().posterior("thnx")["en"] > 0.5


def test_vocabulary_has_no_opinion_on_words_it_never_saw() -> None:
    assert vocabulary().posterior("zzz qwerty") == {}


def test_vocabulary_survives_a_round_trip() -> None:
    data = vocabulary().to_dict()
    assert LanguageVocabulary.from_dict(data).posterior("au self") == vocabulary().posterior(
        "au self"
    )


def test_the_domain_vocabulary_settles_what_the_general_detector_gets_wrong() -> None:
    question = "y a du halal au self ?"
    assert IDENTIFIER.identify(question) == "en"  # the general detector alone: 69 % English
    with_vocabulary = LanguageIdentifier(["ar", "en", "fr"], vocabulary=vocabulary())
    assert with_vocabulary.identify(question) == "fr"
    assert with_vocabulary.identify("where is the shuttle for the briefing") == "en"
    assert with_vocabulary.identify("وين المطعم") == "ar"  # the script still decides first


def test_a_short_message_needs_both_opinions_to_agree() -> None:
    with_vocabulary = LanguageIdentifier(["ar", "en", "fr"], vocabulary=vocabulary())
    assert IDENTIFIER.identify("thnx") == "fr"  # the general detector: 88 % French
    assert with_vocabulary.identify("thnx") is None  # the vocabulary says English: the slot stands
    assert with_vocabulary.identify("bonjour") is None  # a word the vocabulary never saw


def test_a_short_message_needs_the_vocabulary_to_be_sure_not_just_to_lean() -> None:
    """A word seen in examples of both languages ("briefing") leans; it must not switch."""
    both = LanguageVocabulary.learn(
        [("le briefing est à quelle heure", "fr"), ("where is the briefing room", "en")]
    )
    with_vocabulary = LanguageIdentifier(["ar", "en", "fr"], vocabulary=both)
    assert IDENTIFIER.identify("briefing ?") == "en"  # the general detector alone
    assert 0.5 < both.posterior("briefing ?")["en"] < 0.9  # the vocabulary agrees, weakly
    assert with_vocabulary.identify("briefing ?") is None
    sure = LanguageIdentifier(["ar", "en", "fr"], vocabulary=vocabulary())
    assert sure.identify("ce soir") == "fr"  # both sure: the language is taken
    assert sure.identify("shuttle times") == "en"


def test_a_short_message_in_words_only_one_language_uses_is_taken_though_rarely_seen() -> None:
    """ "bonsoir" in one French example: the vocabulary leans (smoothing), nobody else uses it."""
    rare = LanguageVocabulary.learn(
        [("bonsoir à tous les officiers", "fr"), ("where is the briefing room", "en")]
    )
    assert rare.languages_using("bonsoir") == {"fr"}
    assert rare.posterior("bonsoir")["fr"] < 0.9
    assert LanguageIdentifier(["ar", "en", "fr"], vocabulary=rare).identify("bonsoir") == "fr"


def test_only_sure_examples_label_the_vocabulary() -> None:
    assert IDENTIFIER.sure_of("où est la salle de prière s'il vous plaît") == "fr"
    assert IDENTIFIER.sure_of("متى الغدا") == "ar"
    assert IDENTIFIER.sure_of("gym ?") is None  # too short to be sure
    assert IDENTIFIER.sure_of("y a du halal au self ?") is None  # not sure enough


@pytest.fixture(scope="module")
def trained_detector(tmp_path_factory: pytest.TempPathFactory) -> Path:
    examples = {
        "ask_meal_times": [*FRENCH_DOMAIN, "when is breakfast served in the mess"],
        "ask_help": [*ENGLISH_DOMAIN[1:3], "what can this assistant do for me"],
    }
    config = {
        "recipe": "default.v1",
        "language": "xx",
        "assistant_id": "language-test",
        "pipeline": [
            {"name": "bot.nlu.language_detector.LanguageDetector", "languages": ["ar", "en", "fr"]},
            {"name": "WhitespaceTokenizer"},
            {"name": "CountVectorsFeaturizer"},
            {"name": "bot.nlu.linear_intent_classifier.LinearIntentClassifier"},
        ],
        "policies": [],
    }
    folder = tmp_path_factory.mktemp("language")
    return Path(train_tiny_nlu(config, examples, folder, name="language"))


def test_trained_detector_uses_the_vocabulary_it_learned(trained_detector: Path) -> None:
    from rasa.core.agent import Agent

    agent = Agent.load(str(trained_detector))
    result = asyncio.run(agent.parse_message("y a du halal au self ?"))
    languages = [e["value"] for e in result["entities"] if e["entity"] == "language"]
    assert languages == ["fr"]


def test_an_untrained_detector_uses_the_general_detector_alone() -> None:
    assert detect("y a du halal au self ?")[0]["value"] == "en"
