"""The gettext catalogs match the code: every msgid the code marks (extracted afresh, as
`make i18n-extract` does) is in every language's catalog, translated with the same placeholders,
and none is left over from removed code. English is the msgids' language: its catalogs leave every
text untranslated (to change an English text, change the msgid in the code)."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from common.i18n import SOURCE_LANGUAGE, available_languages, catalog_path
from common.languages import LANGUAGES
from tools.i18n import DOMAINS, extract


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, locale=lang)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Catalog]:
    folder = tmp_path_factory.mktemp("pot")
    found = {}
    for domain in DOMAINS:
        extract(domain, folder / f"{domain}.pot")
        found[domain] = read(folder / f"{domain}.pot")
    return found


def catalog_problems(template: Catalog, catalog: Catalog, lang: str) -> list[str]:
    """What is wrong with one language's catalog of a domain, as lines for a failure message."""
    wanted = {message.id for message in template if message.id}
    present = {message.id for message in catalog if message.id}
    problems = [f"missing msgid (run make i18n-extract): {m!r}" for m in wanted - present]
    problems += [f"stale msgid (run make i18n-extract): {m!r}" for m in present - wanted]
    for message in catalog:
        if not message.id or message.id not in wanted:
            continue
        ids = tuple(map(str, message.id if isinstance(message.id, tuple) else (message.id,)))
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        texts = tuple(str(text or "") for text in strings)
        if lang == SOURCE_LANGUAGE:
            if any(texts):
                problems.append(f"English is the msgid, not a translation: {ids[0]!r}")
            continue
        if message.fuzzy or not all(texts):
            problems.append(f"not translated{' (fuzzy)' if message.fuzzy else ''}: {ids[0]!r}")
            continue
        if message.pluralizable:
            if len(texts) != catalog.num_plurals:
                problems.append(f"{len(texts)} plural forms, not {catalog.num_plurals}: {ids[0]!r}")
            # A form may leave the number out ("سؤالان", two questions), never add a field.
            if any(not fields(text) <= fields(ids[-1]) for text in texts):
                problems.append(f"placeholders differ: {ids[0]!r}")
        elif fields(texts[0]) != fields(ids[0]):
            problems.append(f"placeholders differ: {ids[0]!r} -> {texts[0]!r}")
    return problems


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_language_has_a_complete_and_current_catalog(
    domain: str, templates: dict[str, Catalog]
) -> None:
    assert set(LANGUAGES) <= set(available_languages(domain)), "a language has no catalog"
    assert len(templates[domain]) > 0, f"nothing extracted for {domain}"
    problems = {
        lang: catalog_problems(templates[domain], read(catalog_path(lang, domain), lang), lang)
        for lang in available_languages(domain)
    }
    assert not any(problems.values()), {lang: p for lang, p in problems.items() if p}


def test_a_missing_translation_and_a_stale_msgid_are_caught(
    templates: dict[str, Catalog],
) -> None:
    """The check above can fail: one translation taken out, one msgid the code no longer has."""
    catalog = read(catalog_path("fr", "webchat"), "fr")
    catalog["Send"].string = ""
    catalog.add("Receive", "Recevoir")
    assert catalog_problems(templates["webchat"], catalog, "fr") == [
        "stale msgid (run make i18n-extract): 'Receive'",
        "not translated: 'Send'",
    ]
