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
# What a visitor is answered in when nothing says which of LANGUAGES they read.
DEFAULT_LANGUAGE = "en"
