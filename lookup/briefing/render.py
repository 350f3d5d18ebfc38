"""HTML for each kind of output, from Jinja2 templates in lookup/briefing/templates/."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from lookup.briefing.facts import LOGISTICS_TOPICS, PRAYER_COLUMNS, SECTIONS, Facts
from lookup.briefing.formatting import Formatter, clock, ltr, time_span
from lookup.briefing.quiz import Quiz

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE_OF_KIND = {
    "briefing": "briefing.html.j2",
    "card": "card.html.j2",
    "quiz": "quiz.html.j2",
    "quiz-sheet": "quiz_sheet.html.j2",
}
TITLE_OF_KIND = {"briefing": "briefing", "card": "card", "quiz": "quiz", "quiz-sheet": "quiz_sheet"}

_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["apply"] = lambda values, function: [function(v) for v in values]


def css_string(text: str) -> Markup:
    """A CSS string literal (for the running footer), safe inside <style>: every character but
    letters, digits, spaces and printable non-ASCII text is written as a hex escape, so no quote,
    backslash, newline, '<' or control character in an admin-edited name can end the string or
    the style sheet (issue 18, item 10)."""
    return Markup('"' + "".join(_css_char(character) for character in text) + '"')


def _css_char(character: str) -> str:
    if character.isascii() and (character.isalnum() or character == " "):
        return character
    if not character.isascii() and unicodedata.category(character)[0] not in "CZ":
        return character  # Arabic, accents, dashes: shown as they are
    return f"\\{ord(character):X} "  # "\\A " is a newline, "\\22 " a quote ...


def render(
    kind: str,
    facts: Facts,
    labels: dict[str, Any],
    *,
    quiz: Quiz | None = None,
    scale: float = 1.0,
) -> str:
    """The page for `kind` (briefing, card, quiz, quiz-sheet); `scale` shrinks the type."""
    fmt = Formatter(facts.lang)

    def say(key: str, **values: Any) -> Markup:
        return fmt.prose(str(labels[key]).format(**values))

    exercise_name = facts.exercise.text["name"] or facts.exercise_id
    context: dict[str, Any] = {
        "kind": kind,
        "facts": facts,
        "quiz": quiz,
        "L": labels,
        "fmt": fmt,
        "say": say,
        "ltr": ltr,
        "clock": clock,
        "time_span": time_span,
        "css_string": css_string,
        "scale": scale,
        "title": labels[TITLE_OF_KIND[kind]],
        "exercise_name": exercise_name,
        "sections": SECTIONS,
        "logistics_topics": LOGISTICS_TOPICS,
        "prayer_columns": PRAYER_COLUMNS,
    }
    return _env.get_template(TEMPLATE_OF_KIND[kind]).render(context)
