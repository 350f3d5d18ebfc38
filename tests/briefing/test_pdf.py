"""Each language's briefing and card rendered to PDF, then read back as a person would see it:
pages turned into images (not blank), text in reading order, right-to-left pages with their
Latin fragments in the right order, Noto fonts embedded. Expected texts come from the packs and
the labels, never written here."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from lookup.briefing.build import build
from lookup.briefing.labels import labels_for
from tests.briefing.conftest import (
    ARTEFACTS,
    briefing_pack,
    in_order,
    ink,
    normalise,
    page_png,
    pdf_pages,
    pdf_text,
    pdf_words,
)
from tests.briefing.nastaliq import embedded_fonts, html_text, shaped_share
from tests.packs import SAMPLE_PACK, read_pack

SAMPLE = read_pack(SAMPLE_PACK)
AUDIENCE = next(n["code"] for n in SAMPLE["exercise"]["nations"] if n["role"] == "partner")
HOST = next(n["code"] for n in SAMPLE["exercise"]["nations"] if n["role"] == "host")
# Languages the briefings draw in Nastaliq (base.html.j2): pdftotext cannot read that script
# back (tests/briefing/nastaliq.py), so their text is checked in the HTML the PDF is laid out
# from, and the PDF for its font and shaping (test_urdu_pdfs_are_drawn_in_shaped_nastaliq).
NASTALIQ = {"ur"}


def shown_text(sample: Session, lang: str, pdf: Path, kind: str = "briefing") -> str:
    """What a reader sees, as compared: the PDF's text, or for Nastaliq the HTML's."""
    if lang in NASTALIQ:
        return normalise(html_text(build(sample, audience=AUDIENCE, lang=lang, kind=kind).content))
    return normalise(pdf_text(pdf))


@pytest.fixture
def sample(session_for: Callable[..., Session], sample_url: str) -> Session:
    return session_for(sample_url)


def _write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def _expected_in_order(lang: str) -> list[str]:
    """What each section must show, in the briefing's order, from the pack and the labels."""
    labels = labels_for(lang)
    rank = next(r for r in SAMPLE["ranks"] if r["code"] == "OF-3")
    contact = SAMPLE["contacts"][0]
    return [
        labels["briefing"],
        SAMPLE["exercise"]["name"][lang],
        labels["glance"],
        labels["logistics"],
        next(t for t in SAMPLE["topics"] if t["topic"] == "reporting")["title"][lang],
        labels["protocol"],
        labels["ranks"],
        rank["titles"][HOST][0][lang],
        labels["etiquette"],
        labels["dos_and_donts"],
        labels["phrases"],
        min((p["meaning"][lang] for p in SAMPLE["phrases"]), key=len),  # a one-line cell
        labels["contacts"],
        contact["name"][lang],
    ]


@pytest.mark.parametrize("lang", SAMPLE["exercise"]["languages"])
def test_each_language_briefing_prints_with_its_text_in_order(
    lang: str, sample: Session, tmp_path: Path
) -> None:
    output = build(sample, audience=AUDIENCE, lang=lang, fmt="pdf")
    assert output.media_type == "application/pdf" and output.content.startswith(b"%PDF")
    pdf = _write(tmp_path, output.filename, output.content)
    assert pdf_pages(pdf) == output.pages and output.pages >= 6

    # Pages are not blank: the front page and the first section's.
    for page in (1, 2):
        share = ink(page_png(pdf, page, tmp_path / f"page-{page}"))
        assert share > 0.01, f"page {page} of the {lang} briefing looks blank ({share:.2%} ink)"

    text = shown_text(sample, lang, pdf)
    missing = in_order(text, [normalise(p) for p in _expected_in_order(lang)])
    assert not missing, f"not found in order in the {lang} PDF: {missing}"

    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    fonts = fonts.replace("-", "")  # "Noto-Naskh-Arabic"
    assert "NotoSans" in fonts or "NotoNaskh" in fonts
    if lang == "ar":
        assert "NotoNaskhArabic" in fonts and "NotoSansArabic" in fonts
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(pdf, ARTEFACTS / output.filename)
        ranks = next(p for p in range(1, output.pages + 1) if "OF-3" in pdf_text(pdf, p))
        page_png(pdf, ranks, ARTEFACTS / output.filename.replace(".pdf", "-ranks.png"), dpi=80)


def test_arabic_keeps_latin_fragments_in_reading_order(sample: Session, tmp_path: Path) -> None:
    """Right-to-left page: rank codes, times and phone numbers are drawn left to right, as
    measured from the glyphs' positions on the page (not from the text's logical order)."""
    output = build(sample, audience=AUDIENCE, lang="ar", fmt="pdf")
    pdf = _write(tmp_path, "ar.pdf", output.content)
    html = build(sample, audience=AUDIENCE, lang="ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<bdi dir="ltr" class="ltr">OF-3</bdi>' in html

    assert output.pages is not None
    pages = [pdf_words(pdf, page) for page in range(1, output.pages + 1)]
    texts = {word for words in pages for *_, word in words}
    assert "OF-3" in texts and "3-OF" not in texts
    ranges = [w for w in texts if re.fullmatch(r"\d\d:\d\d–\d\d:\d\d", w)]
    assert ranges and all(w[:5] < w[6:] for w in ranges), ranges  # start before end, as drawn

    phone = SAMPLE["contacts"][0]["phone"].split()  # e.g. +000 555 0123: three words
    drawn = set()
    for words in pages:
        for x, y, word in words:
            if word == phone[0]:
                line = sorted((wx, w) for wx, wy, w in words if abs(wy - y) < 1 and wx >= x)
                drawn.add(tuple(w for _, w in line[: len(phone)]))
    assert tuple(phone) in drawn, f"{' '.join(phone)} not drawn left to right: {drawn}"


def test_a_second_test_built_pack_gives_its_own_briefing(
    session_for: Callable[..., Session], sqlite_url: str, briefing_pack_path: Path, tmp_path: Path
) -> None:
    pack = briefing_pack()
    lang = pack["exercise"]["languages"][0]
    audience = next(n["code"] for n in pack["exercise"]["nations"] if n["role"] == "partner")
    session = session_for(sqlite_url, briefing_pack_path)
    output = build(session, audience=audience, lang=lang, fmt="pdf")
    pdf = _write(tmp_path, "other.pdf", output.content)
    assert ink(page_png(pdf, 1, tmp_path / "other-1")) > 0.005
    text = normalise(pdf_text(pdf))
    expected = [
        pack["exercise"]["name"][lang],
        pack["topics"][0]["text"][lang],
        pack["ranks"][-1]["titles"][audience][0][lang],
        pack["forms_of_address"][0]["form"][lang],
        pack["guidelines"][0]["reason"][lang],
        pack["phrases"][0]["meaning"][lang],
        pack["contacts"][0]["name"][lang],
    ]
    assert not in_order(text, [normalise(e) for e in expected])
    assert normalise(SAMPLE["exercise"]["name"][lang]) not in text


@pytest.mark.parametrize("lang", SAMPLE["exercise"]["languages"])
def test_the_smart_card_is_one_page(lang: str, sample: Session, tmp_path: Path) -> None:
    output = build(sample, audience=AUDIENCE, lang=lang, kind="card", fmt="pdf")
    pdf = _write(tmp_path, output.filename, output.content)
    assert pdf_pages(pdf) == output.pages == 1
    assert ink(page_png(pdf, 1, tmp_path / "card")) > 0.02
    labels = labels_for(lang)
    text = shown_text(sample, lang, pdf, kind="card")
    emergency_phone = SAMPLE["contacts"][0]["phone"]
    shown = [
        labels["dos_and_donts"],
        SAMPLE["guidelines"][0]["text"][lang],
        labels["phrases"],
        SAMPLE["phrases"][0]["transliteration"],
        labels["emergency_contacts"],
        emergency_phone,
    ]  # two panels side by side: text extraction interleaves them, so no order here
    assert [s for s in shown if normalise(s) not in text] == []


@pytest.mark.parametrize("kind", ["briefing", "card"])
def test_urdu_pdfs_are_drawn_in_shaped_nastaliq(kind: str, sample: Session, tmp_path: Path) -> None:
    """The Urdu briefing and card embed Noto Nastaliq Urdu and draw with it mostly glyphs only
    its shaping rules reach (joined letters, contextual forms, dots): shaped, not letters set
    one by one. The Latin font of the same PDF, which has little to shape, shows the measure
    tells the two apart."""
    output = build(sample, audience=AUDIENCE, lang="ur", kind=kind, fmt="pdf")
    pdf = _write(tmp_path, output.filename, output.content)
    fonts = embedded_fonts(pdf)
    nastaliq = [font for name, font in fonts.items() if name.startswith("Noto-Nastaliq-Urdu")]
    assert nastaliq, sorted(fonts)
    assert all(shaped_share(font) > 0.7 for font in nastaliq), [shaped_share(f) for f in nastaliq]
    assert shaped_share(fonts["Noto-Sans"]) < 0.2
    assert ink(page_png(pdf, 1, tmp_path / "ur-page")) > 0.01
    if kind == "briefing":
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        page_png(pdf, 1, ARTEFACTS / output.filename.replace(".pdf", "-page1.png"), dpi=80)
