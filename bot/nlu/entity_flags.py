"""Rasa component: word flags for the CRF entity extractor, and nothing else (issue 20, entities).

The CRF knows a word by its letters and its neighbours'; a name it never saw ("nahrani", "فالمير",
a visiting nation or a venue of the next exercise) looks like nothing it learned. Two kinds of
flags help it, both put in each token's `pattern` features, which the CRF's `pattern` feature
reads:

- `rare_word`: the word appears in fewer than `min_examples` training examples. A question's
  other words ("where", "officer", "flag", "متى") come back example after example; names do not.
  In training the names seen once or twice carry the flag, so the CRF learns what a rare word
  in a given context tends to be, and a new name gets the same chance.
- closed classes: the training data's `lookup:` tables and `regex:` entries
  (data/nlu/<lang>/closed_classes.yml: days, times of day, months, rank titles, language names,
  real countries), one flag per table, as RegexFeaturizer would set them.

Unlike RegexFeaturizer this adds no feature matrix, so the intent classifier, which reads every
featurizer's sentence features, is unchanged (config.yml keeps RegexFeaturizer off the tables).
Runs after the tokenizer, before the CRF.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.utils.pattern_utils import extract_patterns
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.per_message import each_message

PATTERN = "pattern"  # the token attribute the CRF's `pattern` feature reads
RARE = "rare_word"
MODEL_FILE = "entity_flags.json"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=True)
class EntityWordFlags(GraphComponent):
    """Flags rare and closed-class words for the CRF (see the module docstring)."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            # A word in fewer training examples than this is rare.
            "min_examples": 3,
            # An Arabic-script word's core, its clitics and article taken off, as one more
            # feature, and the closed classes matched on it too (see `arabic_core`).
            "arabic_core": True,
        }

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: Optional[ModelStorage],
        resource: Optional[Resource],
        common: frozenset[str] = frozenset(),
        patterns: Optional[List[Dict[str, str]]] = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._common = common
        self._use_patterns(patterns or [])

    def _use_patterns(self, patterns: List[Dict[str, str]]) -> None:
        """The word classes' patterns, compiled once: for a name given twice, the last pattern
        (in the first one's place), as a flag set by name would end up; and the token flags this
        component owns (any other flag a token has is kept)."""
        self._patterns = patterns
        classes: Dict[str, re.Pattern[str]] = {}
        for pattern in patterns:
            classes[pattern["name"]] = re.compile(pattern["pattern"])
        self._classes = list(classes.items())
        self._owned = frozenset((RARE, CORE, *classes))

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> EntityWordFlags:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        counts: Counter[str] = Counter()
        for message in training_data.training_examples:
            counts.update({_word(t) for t in message.get(TOKENS_NAMES[TEXT]) or []})
        minimum = self.config["min_examples"]
        self._common = frozenset(w for w, n in counts.items() if n >= minimum)
        self._use_patterns(word_class_patterns(training_data))
        assert self._model_storage is not None and self._resource is not None
        with self._model_storage.write_to(self._resource) as directory:
            model = {"common": sorted(self._common), "patterns": self._patterns}
            (directory / MODEL_FILE).write_text(json.dumps(model, ensure_ascii=False), "utf-8")
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> EntityWordFlags:
        with model_storage.read_from(resource) as directory:
            model = json.loads((directory / MODEL_FILE).read_text("utf-8"))
        return cls(config, model_storage, resource, frozenset(model["common"]), model["patterns"])

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        each_message(training_data.training_examples, self._flag)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        return each_message(messages, self._flag)

    def _flag(self, message: Message) -> None:
        tokens = message.get(TOKENS_NAMES[TEXT])
        text = message.get(TEXT)
        if not tokens or not text:
            return
        # Each class's spans in the text, and the flags this component owns (any flag of the
        # same name a token already had is replaced).
        spans = [(name, rx, [m.span() for m in rx.finditer(text)]) for name, rx in self._classes]
        owned = self._owned
        use_core = self.config["arabic_core"]
        for token in tokens:
            core = arabic_core(str(token.text)) if use_core else None
            # "بالجمعه", "للمطار": the class's word under its clitics; "الكنديات": its demonym
            forms = arabic_class_forms(str(token.text)) if use_core else []
            demonym = arabic_demonym_forms(str(token.text)) if use_core else []
            on = [RARE] if _word(token) not in self._common else []
            for name, rx, found in spans:
                here = any(token.start < end and token.end > start for start, end in found)
                if (
                    here
                    or any(rx.fullmatch(form) for form in forms)
                    or (name.startswith(NATION_TABLE) and any(rx.fullmatch(f) for f in demonym))
                ):
                    on.append(name)
            # Only the flags that are on: an absent flag is off for the CRF (stored_crf gives
            # crfsuite no False feature), and Rasa's training cache hashes every token's flags
            # at each step after this one (30 flags a token, nearly all off, cost ~20 s a training).
            patterns = {
                name: value
                for name, value in (token.get(PATTERN, default={}) or {}).items()
                if name not in owned
            }
            patterns.update((name, True) for name in on)
            if core:
                patterns[CORE] = core
            token.set(PATTERN, patterns)
        # Set again, so the message's fingerprint (Rasa's training cache key) changes with it.
        message.set(TOKENS_NAMES[TEXT], tokens)


def _word(token: Any) -> str:
    return str(token.text).lower()


CORE = "core"  # the pattern feature holding an Arabic-script word's core (a string)
# Clitics written onto an Arabic word before its article: wa-, fa- (and), bi- (in, by), ka- (as),
# li- (to, for; with the article, لل). Folded text (common.textnorm.fold).
ARABIC_ARTICLE_CLITICS = ("وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال")
ARABIC_SCRIPT = re.compile(r"^[\u0600-\u06ff]+$")


def arabic_core(word: str) -> Optional[str]:
    """An Arabic-script word without its clitics and article ("بالسكن", "للمطار", "السكن" ->
    "سكن", "مطار"), or the word itself; None for other scripts and short words. The CRF learns a
    word by its letters, and the same place or day comes with ب, ل, و and ال or without
    ("بالجيم", "للاحد", "مسجد"): the core is what they share, so one seen in training carries to
    the others. Only a prefix ending in the article is taken off: a bare ب or ل may be a root
    letter ("باص", "لانڈري")."""
    if not ARABIC_SCRIPT.match(word) or len(word) < 3:
        return None
    for prefix in ARABIC_ARTICLE_CLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


# A demonym's plural and feminine endings, folded (ة is ه): "الكنديات", "القطريين", "المصريون",
# "العمانيه" are "الكندي", "القطري", "المصري", "العماني" for the nations' table.
DEMONYM_ENDINGS = ("يات", "يين", "يون", "يه")
NATION_TABLE = "country_word_"  # the closed class a demonym's base is matched against


def arabic_class_forms(word: str) -> List[str]:
    """The forms of an Arabic-script word other than itself to match the closed classes against:
    its core with and without the article ("بالجمعه" -> "جمعه", "الجمعه"), and after ل + the
    article a stem that starts with ل ("للوا", to the major general, is ل + اللوا: "لوا", not
    the core "وا" nor the word itself)."""
    core = arabic_core(word)
    if core is None:
        return []
    forms = [core, "ال" + core] if core != word else []
    if word.startswith("لل") and len(word) >= 4:
        forms += [word[1:], "ال" + word[1:]]
    return list(dict.fromkeys(form for form in forms if form != word))


def arabic_demonym_forms(word: str) -> List[str]:
    """A demonym's base under its plural or feminine ending, clitics and article off
    ("للكنديات", "القطريين" -> "كندي", "الكندي", "قطري", "القطري"), for the nations' table alone
    (the base of "الفرنسيين" is also a language's name). The tables list a people in one or two
    forms; visitors write all of them."""
    core = arabic_core(word)
    for ending in DEMONYM_ENDINGS:
        if core and core.endswith(ending) and len(core) - len(ending) >= 3:
            base = core[: -len(ending)] + "ي"
            return [base, "ال" + base]
    return []


# Lookup tables of annotated questions with slots (data/nlu/<lang>/entity_kinds.yml) for the
# CRF's training (bot/nlu/stored_crf.py): not word classes.
TEMPLATE_TABLE = "entity_template_"


def word_class_patterns(training_data: TrainingData) -> List[Dict[str, str]]:
    """Rasa's patterns of the lookup tables and regexes, the template tables left out."""
    classes = TrainingData(
        lookup_tables=[
            t for t in training_data.lookup_tables if not t["name"].startswith(TEMPLATE_TABLE)
        ],
        regex_features=training_data.regex_features,
    )
    return extract_patterns(classes)
