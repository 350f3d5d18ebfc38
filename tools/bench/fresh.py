"""Questions the stack has never seen, made from the exercise pack, for `make bench`'s fresh load.

The fixed questions (tools/bench/questions.py) come round again and again, so after the first
pass every search the action server makes is a hit in the lookup service's read cache, and the
figure hides what a visitor's own words cost (a new `/v1/search` query at almost every answer).
These are asked once each: per language, a question template about a pack item (a venue, an
event, a dress code, a topic's title; its whole name, without its parenthesis, or in lower case)
with a lead-in and an ending, so that thousands of distinct messages exist per language.

They are still questions a visitor would ask, so the model sends nearly all of them to a custom
action (an ask_* intent, or the fallback and out-of-scope actions, which search too);
`custom_action_intents` reads which intents do from data/rules.yml, and the bench checks a sample.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from tools.bench.questions import Question

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "data" / "packs" / "sample-exercise.yml"
RULES = ROOT / "data" / "rules.yml"
LANGUAGES = ("ar", "en", "fr")  # those of the fixed set, so the two figures compare

# The pack's sections and the field that names their items.
NAMED = {"venues": "name", "events": "title", "dress_codes": "name", "topics": "title"}

TEMPLATES: dict[str, dict[str, list[str]]] = {
    "en": {
        "venues": [
            "where is {}",
            "how do I get to {}",
            "what are the opening hours of {}",
            "is {} open",
            "directions to {}",
            "where can I find {}",
        ],
        "events": [
            "when is {}",
            "what time does {} start",
            "where is {} held",
            "who has to attend {}",
            "how long does {} last",
        ],
        "dress_codes": ["what is {}", "when do I wear {}", "what counts as {}"],
        "topics": ["tell me about {}", "information on {}", "what should I know about {}"],
    },
    "fr": {
        "venues": [
            "où se trouve {}",
            "comment aller à {}",
            "quels sont les horaires de {}",
            "est-ce que {} est ouvert",
            "itinéraire pour {}",
        ],
        "events": [
            "c'est quand {}",
            "à quelle heure commence {}",
            "où a lieu {}",
            "qui doit assister à {}",
            "combien de temps dure {}",
        ],
        "dress_codes": ["c'est quoi {}", "quand faut-il porter {}"],
        "topics": ["parlez-moi de {}", "des infos sur {}", "que faut-il savoir sur {}"],
    },
    "ar": {
        "venues": ["وين {}", "كيف أروح إلى {}", "ما هي مواعيد {}", "هل {} مفتوح", "أين يقع {}"],
        "events": ["متى {}", "متى يبدأ {}", "أين يقام {}", "من يحضر {}", "كم يستغرق {}"],
        "dress_codes": ["ما هو {}", "متى ألبس {}"],
        "topics": ["أخبرني عن {}", "معلومات عن {}", "ماذا يجب أن أعرف عن {}"],
    },
    "ur": {
        "venues": ["{} کہاں ہے", "{} کیسے جاؤں", "{} کے اوقات کیا ہیں", "کیا {} کھلا ہے"],
        "events": ["{} کب ہے", "{} کب شروع ہوگا", "{} کہاں ہوگا", "{} میں کون جائے گا"],
        "dress_codes": ["{} کیا ہے", "{} کب پہننا ہے"],
        "topics": ["{} کے بارے میں بتائیں", "{} کی معلومات"],
    },
}
LEADS = {
    "en": ["", "please, ", "sorry, ", "quick question: ", "can you tell me ", "I'd like to know "],
    "fr": ["", "s'il vous plaît, ", "pardon, ", "petite question : ", "dites-moi ", "svp "],
    "ar": ["", "لو سمحت ", "عفوا ", "سؤال: ", "ممكن تقول لي ", "أريد أن أعرف "],
    "ur": ["", "براہ کرم ", "معاف کیجیے، ", "سوال: ", "بتائیں ", "مجھے جاننا ہے "],
}
ENDINGS = {
    "en": ["", "?", " please", " today?", " tomorrow", " for our team?"],
    "fr": ["", " ?", " svp", " aujourd'hui ?", " demain", " pour notre équipe ?"],
    "ar": ["", "؟", " لو سمحت", " اليوم؟", " بكرة", " لفريقنا؟"],
    "ur": ["", "؟", " براہ کرم", " آج؟", " کل", " ہماری ٹیم کے لیے؟"],
}
PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def name_forms(name: str) -> list[str]:
    """The ways a visitor may write an item's name: whole, without its parenthesis, lower case."""
    short = PARENTHESIS.sub("", name).strip()
    return list(dict.fromkeys(form for form in (name, short, short.lower()) if form))


def pack_names(pack: dict[str, Any], lang: str) -> dict[str, list[str]]:
    """Each section's item names in `lang` (items without one left out)."""
    names: dict[str, list[str]] = {}
    for section, field in NAMED.items():
        for item in pack.get(section) or []:
            name = (item.get(field) or {}).get(lang)
            if name:
                names.setdefault(section, []).extend(name_forms(name))
    return names


def _texts(pack: dict[str, Any], lang: str) -> Iterator[str]:
    names = pack_names(pack, lang)
    for section, templates in TEMPLATES[lang].items():
        for template in templates:
            for name in names.get(section, []):
                for lead in LEADS[lang]:
                    for ending in ENDINGS[lang]:
                        yield f"{lead}{template.format(name)}{ending}"


def generate(
    languages: tuple[str, ...] = LANGUAGES, pack_path: Path = PACK, seed: int = 22
) -> dict[str, list[Question]]:
    """Every distinct question per language, shuffled (the same order for the same seed)."""
    pack = yaml.safe_load(pack_path.read_text(encoding="utf-8"))
    chosen = random.Random(seed)
    result = {}
    for lang in languages:
        texts = list(dict.fromkeys(_texts(pack, lang)))
        chosen.shuffle(texts)
        result[lang] = [Question(lang, "", text) for text in texts]
    return result


def slices(by_lang: dict[str, list[Question]], loads: int) -> list[list[Question]]:
    """`loads` disjoint sets of questions, each with an equal share of every language, so that
    no load asks what an earlier load of the same stack asked."""
    out: list[list[Question]] = [[] for _ in range(loads)]
    for questions in by_lang.values():
        size = len(questions) // loads
        for index in range(loads):
            out[index].extend(questions[index * size : (index + 1) * size])
    return out


def custom_action_intents(rules_path: Path = RULES) -> set[str]:
    """The intents data/rules.yml answers with a custom action (`action_*`) first."""
    rules = yaml.safe_load(rules_path.read_text(encoding="utf-8")).get("rules") or []
    intents = set()
    for rule in rules:
        steps = rule.get("steps") or []
        for step, following in itertools.pairwise(steps):
            if "intent" in step and str(following.get("action", "")).startswith("action_"):
                intents.add(step["intent"])
    return intents
