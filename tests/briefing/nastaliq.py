"""Reading a PDF's Nastaliq back. pdftotext cannot: Noto Nastaliq Urdu draws a word from letter
skeletons that several letters share (ب ت ث ن ی in the middle of a word are one glyph) and dots
drawn apart, so a glyph-to-text map (a PDF's ToUnicode) cannot say which letter each was. What
the PDF can show is which fonts it embeds and which of a font's glyphs it draws: text left
unshaped would draw each letter's nominal glyph (the one the font's cmap gives a character),
while shaped Nastaliq draws mostly glyphs only the font's shaping rules reach (joined and
contextual forms, dots). WeasyPrint keeps glyph ids when it subsets a font, so an embedded
subset's drawn glyphs and cmap say which are which."""

from __future__ import annotations

import html
import io
import re
import zlib
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # WeasyPrint's dependency

_STREAM = re.compile(rb"(\d+) 0 obj\s*<<(.*?)>>\s*stream\r?\n", re.S)
_FONT_FILE = re.compile(rb"/FontName\s*/[A-Z]{6}\+([\w-]+)[^>]*?/FontFile2\s+(\d+) 0 R", re.S)


def embedded_fonts(pdf: Path) -> dict[str, TTFont]:
    """The TrueType fonts a PDF embeds, by name without the subset prefix ('Noto-Sans')."""
    data = pdf.read_bytes()
    streams: dict[int, tuple[bytes, bytes]] = {}
    for match in _STREAM.finditer(data):
        head = match.group(2)
        length = int(re.search(rb"/Length (\d+)", head).group(1))  # type: ignore[union-attr]
        raw = data[match.end() : match.end() + length]
        streams[int(match.group(1))] = (head, zlib.decompress(raw) if b"/Flate" in head else raw)
    # Font descriptors may sit in compressed object streams.
    searched = b"\n".join(raw for head, raw in streams.values() if b"/ObjStm" in head) + data
    return {
        name.decode(): TTFont(io.BytesIO(streams[int(ref)][1]))
        for name, ref in _FONT_FILE.findall(searched)
    }


def shaped_share(font: TTFont) -> float:
    """Of the glyphs with an outline the PDF draws from this font, the share that no character
    maps to directly: those only shaping reaches."""
    glyf = font["glyf"]
    nominal = set((font.getBestCmap() or {}).values())
    drawn = [g for g in font.getGlyphOrder() if g != ".notdef" and glyf[g].numberOfContours]
    return sum(g not in nominal for g in drawn) / len(drawn) if drawn else 0.0


def html_text(page: bytes) -> str:
    """The text of the HTML a PDF is laid out from, tags and the style sheet left out."""
    text = re.sub(rb"<(style|script)\b.*?</\1>", b" ", page, flags=re.S)
    return html.unescape(re.sub(rb"<[^>]+>", b" ", text).decode())
