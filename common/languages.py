"""The exercise's languages: the one list every unit reads (NLU detector, actions, lookup service,
console, CLI, web chat). Adding a language starts here (README, "Adding a language").

Each language is named in itself, as a language picker shows it to someone who reads only that
language.
"""

from __future__ import annotations

# Code (ISO 639-1) → the language's name in that language. Order is the pickers' order.
LANGUAGE_NAMES: dict[str, str] = {
    "ar": "العربية",
    "en": "English",
    "fr": "Français",
    "ur": "اردو",
}
LANGUAGES: tuple[str, ...] = tuple(LANGUAGE_NAMES)
# Letters that, among the assistant's languages, only this one writes: a text holding one is in
# that language, no model needed. The NLU's language ID starts from them (bot/nlu/language_id.py,
# which also tells Urdu from Persian), and the web chat draws such a bubble in the language's own
# font (Nastaliq for Urdu) whatever language the page is in. Urdu's retroflex letters, noon
# ghunna, bari ye, do-chashmi he, gol he and its forms, and keheh and Farsi yeh (Arabic writes
# ك and ي; Gulf Arabic's چ and گ are Urdu's too, so they say nothing).
OWN_LETTERS: dict[str, frozenset[str]] = {"ur": frozenset("ٹڈڑںےۓھہۂۃکی")}
# What a visitor is answered in when nothing says which of LANGUAGES they read.
DEFAULT_LANGUAGE = "en"
# The languages a reader of a language most likely reads too, first to last: offered first when
# an answer's text is missing in theirs (actions/not_translated.py), before the exercise's other
# languages in the exercise's order. Urdu's readers: English, Pakistan's other official language,
# then Arabic (issue 21: "offered English or Arabic"). A language not listed keeps the
# exercise's order.
ALSO_READ: dict[str, tuple[str, ...]] = {"ur": ("en", "ar")}
