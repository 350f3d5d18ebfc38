"""Rasa component: the lexical half of the OPSEC guard (issue 19, docs/nlu.md "The OPSEC guard").

Questions after operationally sensitive information (weapon and vehicle numbers, where ammunition
is kept, frequencies and call signs, plans, convoy timings, guard rotations, other people's
personal details, ways around security checks, a force's capabilities or weaknesses) are the
`ask_restricted` intent, learned by the intent classifier like any other. The classifier can miss
one phrased far from its examples, and a miss there costs more than a refused harmless question,
so this component raises `ask_restricted` when the folded text matches one of the nine pattern
families, written to need both a sensitive object and a seeking word (so "what does WILCO mean"
or "the wifi password in the hotel" never match). It runs after the fallback classifier, so it
also catches a restricted question the classifier was unsure of, and before the policies: the
rule then sends the refusal and no lookup action ever sees the question.

The patterns are data, one file per language (`data/nlu/<lang>/opsec_patterns.yml`, format in
docs/nlu.md): adding a language to common/languages.py needs that file and no code. Training
reads the files of the languages of common/languages.py, checks them (every family known, every
regex compiles) and keeps them in the model, so a trained model does not depend on the checkout
it runs from; their contents are part of the component's fingerprint, so editing one retrains it.

What the classifier alone said stays in the parse data (`opsec_guard`), so `make eval` reports
what the guard adds (tools/nlu/evaluate.py).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sre_constants
import sre_parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.shared.utils.io import read_yaml

from bot.nlu.arabizi import ARABIZI_TEXT
from bot.nlu.per_message import each_message
from common.languages import LANGUAGES
from common.textnorm import fold

logger = logging.getLogger(__name__)

RESTRICTED_INTENT = "ask_restricted"
GUARD_KEY = "opsec_guard"  # in the parse data: {"family", "classifier_intent"} when it matched
PATTERNS_FILE = "opsec_patterns.yml"  # in each language's training folder
PERSISTED_FILE = "opsec_patterns.json"  # in the model: language -> the file's parsed document

# The nine families of issue 19; a file may leave one out (none matched then) but not invent one,
# so a misspelt name is an error rather than a family nobody reports on.
FAMILY_NAMES = (
    "force numbers and types",
    "where weapons are kept",
    "signals",
    "plans and scenario",
    "convoys",
    "guards and defences",
    "other people's details",
    "around security checks",
    "capabilities and weaknesses",
)
# Fragments every file may use besides its own: {gap} is up to six words between two parts.
BUILTIN_FRAGMENTS = {"gap": r"(?:\W+\w+){0,6}?\W+"}
_FRAGMENT = re.compile(r"\{([a-z_]+)\}")  # {name}; regex repetitions {2} or {0,3} are digits


class PatternError(ValueError):
    """A patterns file that cannot be used; the message names the file (language) and family."""


@dataclass(frozen=True)
class Family:
    """One pattern family of one language: a match of `pattern` raises the intent, unless the
    text also matches `unless` (a public occasion sharing the words of a restricted question).
    `needs`, when known, finds a literal that every match of `pattern` contains: a text it does
    not find cannot match, and `pattern` is not tried (see `required_literals`)."""

    language: str
    name: str
    pattern: re.Pattern[str]
    unless: Optional[re.Pattern[str]]
    needs: Optional[re.Pattern[str]] = None


# Beyond common.textnorm.fold, for matching only: kaf and yeh written one way whichever keyboard
# typed them (fold already unifies them, and since 046ddfa Urdu's he with Arabic's: so an Arabic
# question can match an Urdu pattern, and the Urdu convoys family excepts Arabic's buses and
# ceremonies too), typographic apostrophes ("l’armurerie"), and French ligatures ("manœuvre"),
# which fold keeps and people type either way.
_GUARD_FOLD = str.maketrans(
    {"ك": "ک", "ي": "ی", "’": "'", "‘": "'", "ʼ": "'", "œ": "oe", "æ": "ae"}
)


def guard_fold(text: str) -> str:
    """The text as the patterns are matched against: folded, then the guard's own unifications."""
    return fold(text).translate(_GUARD_FOLD)


def _compile(pattern: str) -> re.Pattern[str]:
    """Arabic-script words in a pattern folded as the text is ("نداء" is matched as "ندا"), so
    the patterns can be written as people spell; the regex syntax around them is left alone."""
    return re.compile(re.sub(r"[\u0600-\u06ff]+", lambda word: guard_fold(word.group()), pattern))


def required_literals(pattern: re.Pattern[str]) -> Optional[frozenset[str]]:
    """Strings of which every match of `pattern` contains at least one, or None when it has no
    such set (a part that may match anything, case-insensitive matching).

    Why: most messages match no family, and a family's alternation of gapped phrases is tried at
    every position of the text; "does the text contain one of these literals" rules nearly all
    of them out for a third of the cost (the guard's CPU per message 0.33 -> 0.13 ms over 24,000
    texts, docs/bench.md). Exact by construction: a sequence's match contains the match of each
    of its parts; an alternation's contains one of its branches'; a repeat at least once, its
    body's. Parts that may match nothing, and classes other than plain characters, add nothing.
    """
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):  # pragma: no cover - compiled already
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _sequence_needs(list(parsed.data))


def _sequence_needs(items: List[Any]) -> Optional[frozenset[str]]:
    """The most selective of a sequence's required sets: runs of literal characters, and each
    part's own set (longest shortest string first, then fewest strings)."""
    candidates: List[frozenset[str]] = []
    run: List[str] = []
    for op, value in items:
        if op is sre_constants.LITERAL:
            run.append(chr(value))
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        needs = _part_needs(op, value)
        if needs is not None:
            candidates.append(needs)
    if run:
        candidates.append(frozenset({"".join(run)}))
    if not candidates:
        return None
    return max(candidates, key=lambda strings: (min(map(len, strings)), -len(strings)))


def _part_needs(op: Any, value: Any) -> Optional[frozenset[str]]:
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, _del_flags, body = value
        return None if add_flags & re.IGNORECASE else _sequence_needs(list(body))
    if op is sre_constants.BRANCH:
        union: set[str] = set()
        for branch in value[1]:
            needs = _sequence_needs(list(branch))
            if needs is None:
                return None
            union |= needs
        return frozenset(union)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        minimum, _maximum, body = value
        return _sequence_needs(list(body)) if minimum >= 1 else None
    if op is sre_constants.IN and all(kind is sre_constants.LITERAL for kind, _ in value):
        return frozenset(chr(code) for _, code in value)
    return None


def _literal_finder(pattern: re.Pattern[str]) -> Optional[re.Pattern[str]]:
    """A regex finding any of `pattern`'s required literals (None when it has none)."""
    needs = required_literals(pattern)
    if needs is None:
        return None
    return re.compile("|".join(re.escape(literal) for literal in sorted(needs)))


def _expand(text: str, fragments: Mapping[str, str], where: str) -> str:
    def fragment(match: re.Match[str]) -> str:
        if match.group(1) not in fragments:
            raise PatternError(f"{where}: unknown fragment {{{match.group(1)}}}")
        return fragments[match.group(1)]

    return _FRAGMENT.sub(fragment, text)


def compile_families(language: str, document: Any) -> List[Family]:
    """The families of one language's patterns document (the parsed YAML file):
    `fragments` (name -> regex text, used as {name}), and `families` (name -> `match`, a list of
    alternatives, and an optional `unless`). Raises PatternError on anything malformed."""
    if not isinstance(document, Mapping) or not isinstance(document.get("families"), Mapping):
        raise PatternError(f"{language}: {PATTERNS_FILE} needs a `families` mapping")
    fragments = dict(BUILTIN_FRAGMENTS)
    for name, text in (document.get("fragments") or {}).items():
        fragments[str(name)] = _expand(str(text), fragments, f"{language}: fragment {name}")
    families = []
    for name, family in document["families"].items():
        where = f"{language}: family {name!r}"
        if name not in FAMILY_NAMES:
            raise PatternError(f"{where}: not one of {', '.join(FAMILY_NAMES)}")
        match = family.get("match") if isinstance(family, Mapping) else None
        if not match or not isinstance(match, list) or not all(isinstance(m, str) for m in match):
            raise PatternError(f"{where}: `match` must be a list of regular expressions")
        unless = family.get("unless")
        try:
            pattern = _compile("|".join(_expand(m, fragments, where) for m in match))
            families.append(
                Family(
                    language,
                    name,
                    pattern,
                    _compile(_expand(str(unless), fragments, where)) if unless else None,
                    _literal_finder(pattern),
                )
            )
        except re.error as error:
            raise PatternError(f"{where}: {error}") from error
    return families


def read_pattern_files(directory: Path, languages: Sequence[str] = LANGUAGES) -> Dict[str, str]:
    """language -> the text of its patterns file, for the languages that have one."""
    found = {}
    for language in languages:
        path = directory / language / PATTERNS_FILE
        if path.is_file():
            found[language] = path.read_text(encoding="utf-8")
        else:
            logger.warning("OpsecGuard: no %s; no patterns for %s", path, language)
    return found


def parse_pattern_files(texts: Mapping[str, str]) -> Dict[str, Any]:
    """language -> parsed document, each checked by compiling it."""
    documents = {language: read_yaml(text) for language, text in texts.items()}
    for language, document in documents.items():
        compile_families(language, document)
    return documents


def matching_family(text: str, families: Sequence[Family]) -> Optional[Family]:
    """The first family (of any language: a misdetected language must not open a gap) that the
    folded text matches, or None."""
    folded = guard_fold(text)
    for family in families:
        if family.needs is not None and not family.needs.search(folded):
            continue  # none of the literals every match of the family contains
        # `unless`: public occasions ("the changing of the guard at the palace", "the public
        # live-fire demonstration") share the words of a restricted question.
        if family.pattern.search(folded) and not (family.unless and family.unless.search(folded)):
            return family
    return None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class OpsecGuard(GraphComponent):
    """After the classifier and the fallback: a matching message becomes `ask_restricted`."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            # enabled: false keeps the component in the graph and only records what it would do.
            "enabled": True,
            # Where <lang>/opsec_patterns.yml are read at training time (relative to the
            # directory `rasa train` runs in).
            "patterns_dir": "data/nlu",
        }

    def __init__(
        self,
        config: Dict[str, Any],
        documents: Optional[Mapping[str, Any]] = None,
        model_storage: Optional[ModelStorage] = None,
        resource: Optional[Resource] = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self.enabled = bool(self.config["enabled"])
        if documents is None:
            directory = Path(self.config["patterns_dir"])
            documents = parse_pattern_files(read_pattern_files(directory))
            if not documents:
                raise PatternError(f"OpsecGuard: no {PATTERNS_FILE} under {directory}")
        self.documents = dict(documents)
        self.families = [
            family
            for language, document in self.documents.items()
            for family in compile_families(language, document)
        ]
        self._model_storage = model_storage
        self._resource = resource

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> OpsecGuard:
        """Reads the patterns files, which training then keeps in the model."""
        return cls(config, None, model_storage, resource)

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """The patterns files' contents: they are not training data Rasa sees, so without this
        an edited file would leave a cached guard in place."""
        directory = Path({**cls.get_default_config(), **config}["patterns_dir"])
        texts = read_pattern_files(directory)
        return hashlib.sha256(json.dumps(texts, sort_keys=True).encode("utf-8")).hexdigest()

    def train(self, training_data: TrainingData) -> Resource:
        """Nothing is learned: the checked patterns are kept in the model."""
        self.persist()
        assert self._resource is not None, "created by Rasa's graph"
        return self._resource

    def persist(self) -> None:
        if self._model_storage is None or self._resource is None:
            return
        with self._model_storage.write_to(self._resource) as directory:
            (directory / PERSISTED_FILE).write_text(
                json.dumps(self.documents, ensure_ascii=False), "utf-8"
            )

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> OpsecGuard:
        """The patterns kept in the model; a model from before they were kept there (the guard
        was not trainable then) reads the files, as before."""
        try:
            with model_storage.read_from(resource) as directory:
                documents = json.loads((directory / PERSISTED_FILE).read_text("utf-8"))
        except ValueError:
            logger.info("OpsecGuard: no patterns in the model; reading %s files", PATTERNS_FILE)
            documents = None
        return cls(config, documents, model_storage, resource)

    def process(self, messages: List[Message]) -> List[Message]:
        return each_message(messages, self.guard)

    def _typed_match(self, message: Message) -> Optional[Family]:
        """The families tried on an Arabizi message as it was typed (issue 19, seventeenth round).

        Why: the transliterator (first in the pipeline) replaces an Arabizi message's text with
        its Arabic-script reading, and the loanwords Darija borrows from French and English
        ("l adresse dyal dar l commandant", "l frequence dyal l katiba", "lkartouch") come out as
        guesses no Arabic pattern knows ("الادرسه"); Latin Darija alternatives in
        data/nlu/ar/opsec_patterns.yml and the other languages' loanwords match them as typed."""
        typed = message.get(ARABIZI_TEXT)
        if not typed or typed == message.get(TEXT):
            return None
        return matching_family(typed, self.families)

    def guard(self, message: Message) -> None:
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if intent == RESTRICTED_INTENT or not message.get(TEXT):
            return
        family = matching_family(message.get(TEXT), self.families) or self._typed_match(message)
        if family is None:
            return
        message.set(
            GUARD_KEY, {"family": family.name, "classifier_intent": intent}, add_to_output=True
        )
        if not self.enabled:
            return
        raised = {INTENT_NAME_KEY: RESTRICTED_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
        ranking = [
            r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != RESTRICTED_INTENT
        ]
        message.set(INTENT, raised, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [dict(raised), *ranking], add_to_output=True)
