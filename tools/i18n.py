"""`make i18n-extract`: refresh the gettext catalogs of common/locale/ from the code.

For each domain, `pybabel extract` (mapping: babel.cfg) writes common/locale/<domain>.pot from the
domain's sources, then `pybabel update` brings every language's .po in line with it: new msgids
arrive untranslated, removed ones go, fuzzy guesses are off (a guess is not a translation; the
catalog test would refuse it anyway). Runs in the lookup environment (Babel, and Jinja2 for the
templates' extractor).

    python -m tools.i18n            # extract and update
    python -m tools.i18n --init ur  # also start catalogs for a new language
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parents[1]
LOCALE_DIR = ROOT / "common" / "locale"
MAPPING = ROOT / "babel.cfg"

# Each domain's words, and where they are written (paths from the repository root).
DOMAINS: dict[str, list[str]] = {
    "console": ["lookup/console"],  # the liaison console
    "briefing": ["lookup/briefing"],  # briefings, smart cards, quizzes
    # what the bot's own code tells a visitor (the channel guard's refusals too)
    "visitor": ["lookup/duty.py", "actions", "bot/channels/guard.py"],
    "webchat": ["web"],  # the web chat page
}
# gettext's markers plus ours: N_ (a text defined now, translated where used) and NN_ (the same
# for a singular and a plural).
KEYWORDS = ["N_", "NN_:1,2"]


@contextmanager
def _at_root() -> Iterator[None]:
    """pybabel writes the locations of msgids relative to the paths it is given."""
    before = Path.cwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(before)


def pybabel(*args: str) -> None:
    with _at_root():
        CommandLineInterface().run(["pybabel", "--quiet", *args])


def extract(domain: str, output: Path) -> None:
    """The domain's msgids, as found in the code, into a .pot file."""
    keywords = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    pybabel(
        "extract",
        "-F",
        str(MAPPING),
        *keywords,
        "--add-comments=TRANSLATORS:",
        "--add-location=file",
        "--sort-output",
        "--no-wrap",
        "--project=Liaison",
        "-o",
        str(output),
        *DOMAINS[domain],
    )


def update(domain: str) -> None:
    template = LOCALE_DIR / f"{domain}.pot"
    extract(domain, template)
    pybabel(
        "update",
        "-i",
        str(template),
        "-d",
        str(LOCALE_DIR),
        "-D",
        domain,
        "--ignore-obsolete",
        "--no-fuzzy-matching",
        "--ignore-pot-creation-date",
        "--no-wrap",
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--init", metavar="LANG", action="append", default=[])
    args = parser.parse_args(argv)
    for domain in DOMAINS:
        for lang in args.init:
            path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
            if not path.exists():
                template = LOCALE_DIR / f"{domain}.pot"
                extract(domain, template)
                pybabel(
                    "init", "-i", str(template), "-d", str(LOCALE_DIR), "-D", domain, "-l", lang
                )
        update(domain)


if __name__ == "__main__":
    main()
