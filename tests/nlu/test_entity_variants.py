"""The CRF's extra training examples (bot/nlu/entity_variants.py, bot/nlu/stored_crf.py)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.entity_flags import PATTERN, RARE, word_class_patterns
from bot.nlu.entity_variants import from_templates, respell, substitutions, variants
from bot.nlu.language_detector import DETECTED_LANGUAGE
from bot.nlu.stored_crf import _pipeline_tokens, _tables_by_language
from tools.nlu.annotations import violations

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("ar", "en", "fr", "ur")


def _spans(message: Message) -> list[tuple[str, str]]:
    text = message.get(TEXT)
    return [(text[e["start"] : e["end"]], e["entity"]) for e in message.get(ENTITIES)]


def _tokenized(text: str, entities: list[tuple[str, str]], rare: set[str]) -> Message:
    found = [
        {"start": text.index(s), "end": text.index(s) + len(s), "entity": e, "value": s}
        for s, e in entities
    ]
    message = Message(data={TEXT: text, ENTITIES: found})
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([message])
    for token in message.get(TOKENS_NAMES[TEXT]):
        token.set(PATTERN, {RARE: token.text in rare, "country_word_en": token.text == "french"})
    return message


def test_respell_keeps_the_article_and_the_ending_and_changes_the_rest() -> None:
    rng = random.Random(0)
    for word, head, tail in [("النهرانيين", "ال", "يين"), ("valmerien", "", "ien")]:
        spelled = {respell(word, rng) for _ in range(5)}
        assert word not in spelled and len(spelled) == 5
        assert all(s.startswith(head) and s.endswith(tail) for s in spelled)
    assert respell("al-nakhla", rng).count("-") == 1


def test_variants_respell_the_rare_words_of_names_and_move_the_spans() -> None:
    message = _tokenized(
        "how do i greet a nahrani officer at the gym",
        [("nahrani", "country"), ("the gym", "venue")],
        rare={"nahrani"},
    )
    (copy,) = variants(message, ["country", "venue"], 1, random.Random(1))
    (country, venue) = _spans(copy)
    assert country[1] == "country" and country[0] != "nahrani" and country[0].endswith("ani")
    assert venue == ("the gym", "venue")  # common words stay
    tokens = copy.get(TOKENS_NAMES[TEXT])
    assert [t.text for t in tokens] == copy.get(TEXT).split()
    assert all(copy.get(TEXT)[t.start : t.end] == t.text for t in tokens)
    assert [t.get(PATTERN)[RARE] for t in tokens][5] is True
    # A real nation's word (its closed class) is respelled too, and loses the class's flag.
    message = _tokenized("hello from the french team", [("french", "country")], rare=set())
    (copy,) = variants(message, ["country"], 1, random.Random(1))
    word = _spans(copy)[0][0]
    assert word != "french" and copy.get(TOKENS_NAMES[TEXT])[3].get(PATTERN) == {RARE: True}
    assert not variants(message, ["venue"], 2, random.Random(1))


def test_substitutions_rename_a_venue_within_the_language_s_convention() -> None:
    def tokenize(m: Message) -> None:
        WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([m])

    english = _tokenized("is the gym open", [("the gym", "venue")], rare=set())
    english.set(DETECTED_LANGUAGE, "en")
    (copy,) = substitutions(english, {"venue": ["motor pool"]}, 1, random.Random(0), tokenize)
    assert copy.get(TEXT) == "is the motor pool open"
    assert _spans(copy) == [("the motor pool", "venue")]
    arabic = _tokenized("كيف اروح للمطعم", [("للمطعم", "venue")], rare=set())
    arabic.set(DETECTED_LANGUAGE, "ar")
    (copy,) = substitutions(arabic, {"venue": ["العياده"]}, 1, random.Random(0), tokenize)
    assert _spans(copy) == [("للعياده", "venue")]


def test_an_urdu_name_takes_its_oblique_form_before_a_postposition() -> None:
    """The tables name "الوداعی عشائیہ", but writers write "الوداعی عشائیے میں": a name in ہ
    takes ے before کا / کی / کے / میں / پر / سے / کو / تک / نے."""

    def tokenize(m: Message) -> None:
        WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([m])

    urdu = _tokenized("ميس ميں كيا هے", [("ميس", "venue")], rare=set())
    urdu.set(DETECTED_LANGUAGE, "ur")
    (copy,) = substitutions(urdu, {"venue": ["اسلحه خانه"]}, 1, random.Random(0), tokenize)
    assert _spans(copy) == [("اسلحه خانے", "venue")]
    direct = _tokenized("ميس كب كهلتا هے", [("ميس", "venue")], rare=set())
    direct.set(DETECTED_LANGUAGE, "ur")
    (copy,) = substitutions(direct, {"venue": ["اسلحه خانه"]}, 1, random.Random(0), tokenize)
    assert _spans(copy) == [("اسلحه خانه", "venue")]
    made = from_templates(
        ["[{event}](event) كے ليے كيا پهنيں", "[{event}](event) كب هے"],
        {"event": ["الوداعي عشاييه"]},
        1,
        random.Random(0),
        tokenize,
        language="ur",
    )
    assert [m.get(TEXT) for m in made] == [
        "الوداعي عشاييے كے ليے كيا پهنيں",
        "الوداعي عشاييه كب هے",
    ]
    assert [m.get(ENTITIES)[0]["value"] for m in made] == ["الوداعي عشاييے", "الوداعي عشاييه"]


@pytest.fixture(scope="module")
def tables() -> tuple[TrainingData, dict[str, dict[str, list[str]]]]:
    data = TrainingData().merge(
        *(
            load_data(str(ROOT / "data" / "nlu" / lang / f"{name}.yml"))
            for lang in LANGUAGES
            for name in ("closed_classes", "entity_kinds")
        )
    )
    return data, _tables_by_language(data)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_templates_make_examples_that_follow_the_annotation_conventions(
    lang: str, tables: tuple[TrainingData, dict[str, dict[str, list[str]]]]
) -> None:
    by_language = tables[1]
    fillers = dict(by_language[lang])
    templates = fillers.pop("template")
    assert {"country", "rank", "date", "venue", "event", "language"} <= set(fillers)

    def tokenize(m: Message) -> None:
        WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([m])

    made = from_templates(templates, fillers, 3, random.Random(0), tokenize, language=lang)
    assert len(made) == 3 * len(templates)
    assert all(m.get(ENTITIES) and m.get(TOKENS_NAMES[TEXT]) for m in made)
    assert not violations(lang, [(m.get(TEXT), m.get(ENTITIES)) for m in made])


def test_a_share_of_template_names_are_real_nations() -> None:
    fillers = {"country": ["french", "north korean"]}
    template = ["how do i greet a [{name}](country) officer"]

    def names(real_names: float) -> list[str]:
        made = from_templates(template, fillers, 40, random.Random(1), lambda m: None, real_names)
        return [m.get(ENTITIES)[0]["value"] for m in made]

    assert not set(names(0.0)) & {"french", "north korean"}  # all respelled
    assert set(names(1.0)) == {"french", "north korean"}
    assert 5 < sum(n in fillers["country"] for n in names(0.5)) < 35


def test_template_tables_are_not_word_classes(
    tables: tuple[TrainingData, dict[str, dict[str, list[str]]]],
) -> None:
    names = {p["name"] for p in word_class_patterns(tables[0])}
    assert "venue_kind_en" in names and "country_word_ur" in names
    assert not any(name.startswith("entity_template_") for name in names)


def test_pipeline_tokens_flag_a_new_example_as_the_pipeline_does(
    tables: tuple[TrainingData, dict[str, dict[str, list[str]]]],
) -> None:
    data = tables[0]
    message = Message(data={TEXT: "where is the motor pool on friday"})
    _pipeline_tokens(data)(message)
    flags = {t.text: t.get(PATTERN) for t in message.get(TOKENS_NAMES[TEXT])}
    assert flags["motor"]["venue_kind_en"] and flags["friday"]["date_word_en"]
    assert flags["where"][RARE]  # no training example here has a token flagged common


def test_every_copy_is_an_nlu_example_which_rasa_s_crf_trains_on(
    tables: tuple[TrainingData, dict[str, dict[str, list[str]]]],
) -> None:
    """Rasa's CRF trains on `nlu_examples`: a text without an intent would be left out."""
    fillers = dict(tables[1]["en"])
    templates = fillers.pop("template")
    message = _tokenized("hello from the nahrani team", [("nahrani", "country")], {"nahrani"})
    message.set("intent", "greet")
    message.set(DETECTED_LANGUAGE, "en")

    def tokenize(m: Message) -> None:
        WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([m])

    rng = random.Random(0)
    copies = (
        variants(message, ["country"], 2, rng)
        + substitutions(message, {"country": ["danish"]}, 1, rng, tokenize)
        + from_templates(templates[:3], fillers, 1, rng, tokenize)
    )
    assert len(copies) == 6 and len(TrainingData(copies).nlu_examples) == 6


def test_the_crf_trains_on_the_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rasa's CRF leaves out examples without text features: the copies must not be left out."""
    import scipy.sparse
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.nlu.training_data.features import Features

    from bot.nlu.stored_crf import StoredCRFEntityExtractor

    message = _tokenized("hello from the nahrani team", [("nahrani", "country")], {"nahrani"})
    message.set("intent", "greet")
    message.add_features(Features(scipy.sparse.coo_matrix((1, 3)), "sentence", TEXT, "words"))
    tables = [  # a made-up name in each, so no two examples are the same (Rasa drops those)
        {"name": "country_word_en", "elements": ["french"]},
        {"name": "entity_template_en", "elements": ["greeting a [{name}](country) officer"]},
    ]
    data = TrainingData([message], lookup_tables=tables)
    trained_on: list[int] = []

    def train_model(self: object, dataset: list, *args: object) -> dict:
        trained_on.append(len(dataset))
        return {}

    monkeypatch.setattr(StoredCRFEntityExtractor, "train_model", train_model)
    config = {
        **StoredCRFEntityExtractor.get_default_config(),
        "respelled_copies": 2,
        "template_copies": 3,
    }
    extractor = StoredCRFEntityExtractor.create(
        config, LocalModelStorage(tmp_path), Resource("crf"), ExecutionContext(GraphSchema({}))
    )
    extractor.train(data)
    assert trained_on == [1 + 2 + 3]
