"""Respelled copies of the CRF's training examples, so that a name it never saw is still a name.

Most entity misses on held-out questions are names the training data never had: another
exercise's nations ("northmark", "فالمير", "النهرانيين"), venues and events. The CRF knows a word
by its letters, its flags (bot/nlu/entity_flags.py) and its neighbours; a name seen in training
is learned by its letters, so the model leans on them and a new name finds nothing. Here each
rare word inside a name's span (flagged `rare_word`: in fewer than a few training examples) is
given other letters in some copies of the example: its core is replaced by random letters of its
own script, its first and last letters (Arabic's ال, a demonym's -ian / -ais / ية / يين) kept.
The copies teach the CRF the context, the word's shape and its ending, not the word; they are
given to the CRF alone (bot/nlu/stored_crf.py), never to the intent classifier.

General by construction: no list of names, no exercise's item; the same rule in every script.
"""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Callable, Iterable

from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data import entities_parser
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.entity_flags import CORE, PATTERN, RARE, arabic_core
from bot.nlu.language_detector import DETECTED_LANGUAGE
from common.textnorm import fold

LATIN_VOWELS = "aeiou"
LATIN_CONSONANTS = "bdfgklmnprstvz"
# Folded Arabic-script letters (common.textnorm.fold unifies alef and yeh variants), with the
# letters Urdu adds; long vowels as "vowels" so the core reads like a word.
ARABIC_VOWELS = "اوي"
ARABIC_CONSONANTS = "بتدرزسشعفقكلمنهجحخطغ"
URDU_CONSONANTS = "ٹڈڑںگچپ"
# Arabic-script clitics and article kept at the start of a word.
ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")


def respell(word: str, rng: random.Random) -> str:
    """`word` with its core replaced by random letters of its script; its start and ending kept."""
    arabic = any("\u0600" <= ch <= "\u06ff" for ch in word)
    head = ""  # the pipeline's text is folded to lower case: no capitals to keep
    if arabic:
        head = next(
            (p for p in ARABIC_PREFIXES if word.startswith(p) and len(word) > len(p) + 2), ""
        )
        vowels, consonants = ARABIC_VOWELS, ARABIC_CONSONANTS
        if any(ch in URDU_CONSONANTS for ch in word):
            consonants += URDU_CONSONANTS
    else:
        if "-" in word:  # "al-nakhla", "lieutenant-colonel": each part
            return "-".join(
                respell(part, rng) if len(part) > 2 else part for part in word.split("-")
            )
        if not word.isalpha():
            return word
        vowels, consonants = LATIN_VOWELS, LATIN_CONSONANTS
    rest = word[len(head) :]
    keep = min(3, max(0, len(rest) - 3))  # the ending: demonym and plural suffixes
    tail = rest[len(rest) - keep :] if keep else ""
    core = "".join(
        rng.choice(consonants if i % 2 == 0 else vowels) for i in range(rng.randint(3, 6))
    )
    return head + core + tail


def variants(
    message: Message, kinds: Iterable[str], count: int, rng: random.Random
) -> list[Message]:
    """Up to `count` copies of `message` with each rare word inside an entity of `kinds` respelled
    (none when it has no such word)."""
    tokens: list[Token] = message.get(TOKENS_NAMES[TEXT]) or []
    entities: list[dict] = message.get(ENTITIES) or []
    text: str = message.get(TEXT) or ""
    kinds = set(kinds)
    targets = []
    for i, token in enumerate(tokens):
        flags = token.get(PATTERN) or {}
        kind = next(
            (e["entity"] for e in entities if e["start"] <= token.start and token.end <= e["end"]),
            None,
        )
        # A name: a rare word, or a word of its entity's closed class ("country_word_en": a
        # real nation, which the next exercise's fictional one will not be).
        if kind in kinds and (
            flags.get(RARE)
            or any(v is True and n.startswith(f"{kind}_word") for n, v in flags.items())
        ):
            targets.append(i)
    if not targets:
        return []
    copies = []
    for _ in range(count):
        new_words = {i: respell(tokens[i].text, rng) for i in targets}
        pieces, new_tokens, position, shift = [], [], 0, 0
        for i, token in enumerate(tokens):
            word = new_words.get(i, token.text)
            pieces.append(text[position : token.start])
            start = token.start + shift
            pieces.append(word)
            data = copy.deepcopy(token.data)
            if i in new_words:
                data[PATTERN] = {RARE: True}  # a new word: rare, in no closed class
                if arabic_core(word):
                    data[PATTERN][CORE] = arabic_core(word)
            new_tokens.append(Token(word, start, start + len(word), data, word))
            shift += len(word) - (token.end - token.start)
            position = token.end
        pieces.append(text[position:])
        new_text = "".join(pieces)

        new_entities = []
        for e in entities:
            start = _new_offset(tokens, new_tokens, e["start"], start_side=True)
            end = _new_offset(tokens, new_tokens, e["end"], start_side=False)
            new_entities.append({**e, "start": start, "end": end, "value": new_text[start:end]})
        copy_message = Message(
            data={TEXT: new_text, ENTITIES: new_entities, INTENT: message.get(INTENT)}
        )
        copy_message.set(TOKENS_NAMES[TEXT], new_tokens)
        copies.append(copy_message)
    return copies


def _new_offset(old: list[Token], new: list[Token], offset: int, start_side: bool) -> int:
    """An entity boundary at `offset` of the old text, in the new text (boundaries are token
    edges; one inside a token keeps its distance from that token's start)."""
    for before, after in zip(old, new, strict=True):
        if start_side and before.start <= offset < before.end:
            return after.start + min(offset - before.start, len(after.text))
        if not start_side and before.start < offset <= before.end:
            return after.end - min(before.end - offset, len(after.text))
    # Between tokens: keep the distance from the previous token's end.
    last = [(before, after) for before, after in zip(old, new, strict=True) if before.end <= offset]
    if not last:
        return offset
    before, after = last[-1]
    return after.end + (offset - before.end)


# A word of the text before a name that stays with it when the name is replaced: English's
# article (inside a venue or event span by the convention), Arabic's clitics on the article.
KEPT_ARTICLES = {"en": ("the",)}
# Urdu's postpositions (and the agent's نے), folded: before one, a name ending in ہ takes its
# oblique form in ے ("الوداعی عشائیہ" but "الوداعی عشائیے میں", "اسلحہ خانے سے"), as the tables'
# names, written in the direct form, would not show it.
UR_OBLIQUE_BEFORE = {fold(w) for w in ["کا", "کی", "کے", "میں", "پر", "سے", "کو", "تک", "نے"]}
UR_DIRECT_ENDINGS = ("ہ", "ه")


def oblique(name: str, following: str, language: str | None) -> str:
    """`name` as it stands before `following` (the text after it): in Urdu, its last word's
    final ہ becomes ے before a postposition; unchanged otherwise."""
    after = following.split(maxsplit=1)
    if language != "ur" or not after or fold(after[0]) not in UR_OBLIQUE_BEFORE:
        return name
    if name.endswith(UR_DIRECT_ENDINGS) and not name[-2:-1].isspace():
        return name[:-1] + "ے"
    return name


def substitutions(
    message: Message,
    kinds: dict[str, list[str]],
    count: int,
    rng: random.Random,
    tokenize: Callable[[Message], None],
) -> list[Message]:
    """Up to `count` copies of `message` with each span of an entity in `kinds` (entity -> names of
    that kind in the message's language) named by another of those names; `tokenize` gives a
    copy its tokens and flags, as the pipeline would."""
    entities: list[dict] = sorted(message.get(ENTITIES) or [], key=lambda e: e["start"])
    text: str = message.get(TEXT) or ""
    language = message.get(DETECTED_LANGUAGE)
    if not any(e["entity"] in kinds for e in entities):
        return []
    copies = []
    for _ in range(count):
        pieces, new_entities, position = [], [], 0
        for e in entities:
            pieces.append(text[position : e["start"]])
            span = text[e["start"] : e["end"]]
            if e["entity"] in kinds:
                name = oblique(rng.choice(kinds[e["entity"]]), text[e["end"] :], language)
                span = _renamed(span, name, language)
            start = sum(len(p) for p in pieces)
            pieces.append(span)
            new_entities.append({**e, "start": start, "end": start + len(span), "value": span})
            position = e["end"]
        pieces.append(text[position:])
        copy_message = Message(
            data={TEXT: "".join(pieces), ENTITIES: new_entities, INTENT: message.get(INTENT)}
        )
        tokenize(copy_message)
        copies.append(copy_message)
    return copies


def _renamed(span: str, name: str, language: str | None) -> str:
    words = span.split()
    if words and words[0] in KEPT_ARTICLES.get(language or "", ()):
        return f"{words[0]} {name}"
    first = words[0] if words else ""
    prefix = next((p for p in ARABIC_PREFIXES if first.startswith(p)), None)
    if prefix and name.startswith("ال"):
        return prefix + name[2:]  # "للمطعم" for "المطعم"
    return name


SLOT = re.compile(r"\{(\w+)\}")
ANNOTATED_NAME = re.compile(r"\[([^\]]+)\]\((venue|event)\)")
TEMPLATE_INTENT = "entity_template"


def from_templates(
    templates: list[str],
    fillers: dict[str, list[str]],
    count: int,
    rng: random.Random,
    tokenize: Callable[[Message], None],
    real_names: float = 0.0,
    language: str | None = None,
) -> list[Message]:
    """`count` examples from each template ("how do i greet a [{name}](country) officer"): each
    slot filled from `fillers` (slot -> words), {name} by a respelled word of {country}'s, or in
    a `real_names` share of them by a real one as it is (the visiting nations are both: another
    exercise's fictional ones, and real ones the examples name in few places)."""
    made = []
    for template in templates:
        slots = set(SLOT.findall(template))
        if not slots <= set(fillers) | {"name"} or ("name" in slots and "country" not in fillers):
            continue

        def fill(match: re.Match[str]) -> str:
            slot = match[1]
            if slot == "name":
                real = rng.choice(fillers["country"])
                if real_names and rng.random() < real_names:
                    return real
                return " ".join(respell(w, rng) for w in real.split())
            return rng.choice(fillers[slot])

        for _ in range(count):
            annotated = ANNOTATED_NAME.sub(
                lambda m: f"[{oblique(m[1], m.string[m.end() :], language)}]({m[2]})",
                SLOT.sub(fill, template),
            )
            message = Message(
                data={
                    TEXT: entities_parser.replace_entities(annotated),
                    ENTITIES: entities_parser.find_entities_in_training_example(annotated),
                    # Rasa trains its extractors on NLU examples, which have an intent; the
                    # CRF never reads it, and nothing else sees these examples.
                    INTENT: TEMPLATE_INTENT,
                }
            )
            tokenize(message)
            made.append(message)
    return made
