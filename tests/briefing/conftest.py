"""Briefing tests: a database holding given packs (SQLite, and PostgreSQL where the store is what
is tested), and helpers that read a PDF back the way a person would see it."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from lookup.packs.importer import import_pack
from lookup.packs.loader import load_pack
from lookup.store.database import make_engine, make_session_factory
from tests.packs import ROOT, SAMPLE_PACK, other_pack, write_pack
from tests.postgres import fresh_database, postgres_server

ARTEFACTS = ROOT / "reports" / "artefacts"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'liaison.db'}"


@pytest.fixture(scope="session")
def sample_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database holding the sample pack, loaded once for the whole run."""
    path = tmp_path_factory.mktemp("sample") / "liaison.db"
    engine = make_engine(f"sqlite:///{path}")
    import_pack(make_session_factory(engine), load_pack(SAMPLE_PACK).pack)
    engine.dispose()
    return path


@pytest.fixture
def sample_url(sample_database: Path, tmp_path: Path) -> str:
    """A fresh copy of the sample database, so a test may change it."""
    copy = tmp_path / "sample.db"
    shutil.copy(sample_database, copy)
    return f"sqlite:///{copy}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        return fresh_database(request.getfixturevalue("postgres_url"))
    return f"sqlite:///{tmp_path / 'liaison.db'}"


@pytest.fixture
def session_for() -> Iterator[Callable[..., Session]]:
    """session_for(url, *pack_paths): a session on a fresh database holding those packs."""
    engines = []
    sessions: list[Session] = []

    def make(url: str, *packs: Path) -> Session:
        engine = make_engine(url)
        engines.append(engine)
        factory = make_session_factory(engine)
        for pack in packs:
            import_pack(factory, load_pack(pack).pack)
        session = factory()
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.close()
    for engine in engines:
        engine.dispose()


def briefing_pack() -> dict[str, Any]:
    """The test-built second exercise (tests/packs.py) with the briefing's optional sections."""
    pack = other_pack()
    stamp = {"last_updated": "2026-05-03T09:00:00+02:00", "updated_by": "Lt. B. Test"}

    def tr(en: str, fr: str, ar: str) -> dict[str, str]:
        return {"en": en, "fr": fr, "ar": ar}

    pack["phrases"] = [
        {
            "id": f"phrase-{n}",
            **stamp,
            "language": "ar",
            "phrase": arabic,
            "transliteration": latin,
            "meaning": tr(en, fr, ar),
        }
        for n, (arabic, latin, en, fr, ar) in enumerate(
            [
                ("أهلا", "ahlan", "Hello there", "Salut", "تحية ترحيب"),
                ("نعم", "naʿam", "Yes indeed", "Oui vraiment", "كلمة الموافقة"),
                ("لا", "lā", "No thanks", "Non merci", "كلمة الرفض"),
                ("ماء", "māʾ", "Water please", "De l'eau", "الماء"),
            ]
        )
    ]
    pack["guidelines"] = [
        {
            "id": f"rule-{n}",
            **stamp,
            "advice": advice,
            "text": tr(en, f"{en} (fr)", f"{en} (ar)"),
            "reason": tr(why, f"{why} (fr)", f"{why} (ar)"),
        }
        for n, (advice, en, why) in enumerate(
            [
                ("do", "Salute the well flag", "The well is the camp's heart"),
                ("do", "Refill the water jar", "Water is scarce in June"),
                ("dont", "Step over tent ropes", "Ropes hold the tents up"),
                ("dont", "Whistle after dark", "Sentries listen for signals"),
            ]
        )
    ]
    pack["forms_of_address"] = [
        {
            "id": "hst-officers",
            **stamp,
            "nation": "hst",
            "addressee": tr("Hostland officers", "Officiers d'Hôtelie", "ضباط هوستلاند"),
            "form": tr("Honoured captain", "Honoré capitaine", "أيها النقيب المكرم"),
        }
    ]
    pack["ranks"].append(
        {
            "id": "of-3",
            **stamp,
            "code": "OF-3",
            "titles": {
                "hst": [tr("Major", "Commandant", "رائد")],
                "gst": [tr("Squadron Leader", "Chef d'escadron", "قائد سرب")],
            },
        }
    )
    return pack


@pytest.fixture
def briefing_pack_path(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "briefing-pack.yml", briefing_pack())


# --- Reading PDFs back -------------------------------------------------------------------------

# pdftotext gives Arabic lam-alef ligatures back in either order; compare without those letters.
_LAM_ALEF = dict.fromkeys(map(ord, "لاأإآ"))


def normalise(text: str) -> str:
    """Text as compared: its words of letters only, case folded. Presentation forms are folded
    (NFKC), tatweel dropped, and Arabic lam and alef removed: pdftotext gives their ligature
    back in either order, and rebuilds the logical order of digits and brackets inside
    right-to-left lines imperfectly (the drawn order is checked from glyph positions instead)."""
    text = unicodedata.normalize("NFKC", text).replace("\u0640", "").translate(_LAM_ALEF)
    return " ".join(re.findall(r"[^\W\d_]+", text)).casefold()


def pdf_text(pdf: Path, *pages: int) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    return subprocess.run([*args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))  # type: ignore[union-attr]


def pdf_words(pdf: Path, page: int) -> list[tuple[float, float, str]]:
    """(x, y, word) of every word on a page, as drawn."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [
        (float(x), float(y), word)
        for x, y, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out
        )
    ]


def page_png(pdf: Path, page: int, out: Path, dpi: int = 50) -> Path:
    prefix = out.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    return prefix.with_suffix(".png")


def ink(png: Path) -> float:
    """Share of the page's pixels that are not (nearly) white."""
    from PIL import Image

    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    return sum(histogram[:230]) / sum(histogram)


def in_order(haystack: str, needles: list[str]) -> list[str]:
    """The needles not found in order (empty when all are, each after the previous one)."""
    missing = []
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        if found < 0:
            missing.append(needle)
        else:
            position = found + len(needle)
    return missing
