"""One localisation layer for every unit: gettext catalogs, text direction and language
negotiation, all from Babel and CLDR (the formatters are in `common.i18n.formatting`).

Catalogs are gettext `.po` files, `common/locale/<lang>/LC_MESSAGES/<domain>.po`, one domain per
unit that prints words (`console`, `briefing`, `visitor`, `webchat`), msgids in English (the
source language: `en` catalogs may leave a text untranslated, it then reads as its msgid).
`make i18n-extract` refreshes them from the code (`tools/i18n.py`); a test fails on a missing or
stale translation.

The `.po` files are read directly (Babel's `read_po`) and compiled in memory (`write_mo`) the first
time a domain is asked for in a language, then kept: no compiled `.mo` file is committed, built at
install time or left stale beside its `.po`, and both Python environments already have Babel.
Reading one catalog takes a few milliseconds, once per process.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.core import UnknownLocaleError, negotiate_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
SOURCE_LANGUAGE = "en"  # the language of the msgids


def N_(message: str) -> str:
    """Mark a text for extraction where it is defined; translate it where it is used."""
    return message


class Translator:
    """gettext and ngettext for one language and domain. `lang` is the language the texts come
    out in: the one asked for, or English when that language has no catalog for the domain."""

    def __init__(self, lang: str, domain: str, translations: gettext.NullTranslations) -> None:
        self.lang = lang
        self.domain = domain
        self._translations = translations

    def gettext(self, message: str) -> str:
        return self._translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The form CLDR's plural rules pick for n (Arabic has six, French counts 0 as one)."""
        return self._translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._translations.pgettext(context, message)


def catalog_path(lang: str, domain: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def available_languages(domain: str) -> tuple[str, ...]:
    """The languages with a catalog for this domain, sorted (adding a language adds a folder)."""
    return tuple(sorted(path.parts[-3] for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{domain}.po")))


@cache
def _compiled(lang: str, domain: str) -> gettext.NullTranslations | None:
    path = catalog_path(lang, domain)
    if not path.is_file():
        return None
    with path.open("rb") as po:
        catalog = read_po(po, locale=lang, domain=domain)
    mo = BytesIO()
    write_mo(mo, catalog)  # fuzzy entries are left out, as msgfmt does
    mo.seek(0)
    return gettext.GNUTranslations(mo)


def translator(lang: str, domain: str) -> Translator:
    """The texts of `domain` in `lang`, or in English (its msgids) when it has no catalog."""
    compiled = _compiled(lang, domain)
    if compiled is None:
        return Translator(SOURCE_LANGUAGE, domain, gettext.NullTranslations())
    return Translator(lang, domain, compiled)


def text_direction(lang: str) -> str:
    """'rtl' or 'ltr' from CLDR (the language's character order): the one place anything decides
    which way a language reads, so a new right-to-left language needs no code."""
    try:
        return "rtl" if Locale.parse(lang.replace("-", "_")).text_direction == "rtl" else "ltr"
    except (UnknownLocaleError, ValueError):
        return "ltr"


def accepted_languages(header: str) -> list[str]:
    """An Accept-Language header's tags, most wanted first (q=0 means "not this one")."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip()
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if tag and tag != "*" and quality > 0:
            ranked.append((-quality, position, tag.lower()))
    return [tag for _, _, tag in sorted(ranked)]


def negotiate(header: str, available: Iterable[str], default: str = SOURCE_LANGUAGE) -> str:
    """The available language an Accept-Language header prefers ('ar-SA,ar;q=0.9' → 'ar'),
    matched by Babel (a regional tag falls back to its language); `default` when none is."""
    choices = list(available)
    chosen = negotiate_locale(accepted_languages(header), choices, sep="-")
    return chosen if chosen in choices else default
