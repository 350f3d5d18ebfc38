"""An item said without the texts it lacks in the visitor's language (issue 21: never filled in
from another language).

The domain's templates ("{title}: {when}, {place}.") assume every part is there; an exercise
without Urdu texts left ": بدھ 2 جون 07:00–07:30، ۔" (an empty name, a comma before nothing).
When a part is missing, the answer is put together here from the parts that are present, each
joint and full stop through the "visitor" catalogs (Arabic and Urdu commas, French spaced colon,
the Urdu full stop), so what the item does have (a time, hours, a number) is still said and
nothing is added.
"""

from __future__ import annotations

from common.i18n import N_, translator

DOMAIN = "visitor"

# TRANSLATORS: an item's name, then what is said about it ("Flag raising: Wednesday 2 June ...").
_NAMED = N_("{name}: {details}")
# TRANSLATORS: two parts of one sentence ("Wednesday 2 June 07:00–07:30, Well Square").
_PAIR = N_("{first}, {second}")
# TRANSLATORS: a sentence's full stop.
_SENTENCE = N_("{text}.")
_DRESS = N_("Dress: {dress}.")
_HOURS = N_("Opening hours: {hours}.")
# TRANSLATORS: who a contact can be reached by, and the languages the contact speaks.
_REACH = N_("{reach} (speaks {languages})")


def _say(lang: str, message: str, **parts: str) -> str:
    return translator(lang, DOMAIN).gettext(message).format(**parts)


def named(name: str, details: str, lang: str) -> str:
    """'name: details', or the details alone when the name is missing."""
    return _say(lang, _NAMED, name=name, details=details) if name else details


def pair(first: str, second: str, lang: str) -> str:
    """'first, second', or whichever of them is not empty."""
    if first and second:
        return _say(lang, _PAIR, first=first, second=second)
    return first or second


def sentence(text: str, lang: str) -> str:
    """The text with the language's full stop; "" for no text."""
    return _say(lang, _SENTENCE, text=text) if text else ""


def event(title: str, when: str, place: str, dress: str, lang: str) -> str:
    """An event said with whichever of its title, place and dress are present (the time always)."""
    said = sentence(named(title, pair(when, place, lang), lang), lang)
    return f"{said} {_say(lang, _DRESS, dress=dress)}" if dress else said


def event_dress(title: str, dress: str, description: str, lang: str) -> str:
    """An event's dress said with whichever of the event's title, the dress's name and its
    description are present; "" when none is."""
    if not dress:
        return named(title, description, lang) if description else ""
    return " ".join(part for part in (_say(lang, _DRESS, dress=dress), description) if part)


def venue(name: str, directions: str, hours: str, lang: str) -> str:
    """A place said with whichever of its name, directions and hours are present."""
    body = " ".join(
        part for part in (directions, _say(lang, _HOURS, hours=hours) if hours else "") if part
    )
    return named(name, body, lang)


def contact(name: str, role: str, reach: str, languages: str, lang: str) -> str:
    """A contact said with whichever of its name and role are present (its number always)."""
    how = _say(lang, _REACH, reach=reach, languages=languages) if languages else reach
    return sentence(named(pair(name, role, lang), how, lang), lang)
