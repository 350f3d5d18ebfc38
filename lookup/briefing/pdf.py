"""HTML to PDF with WeasyPrint: a real layout engine (Pango and HarfBuzz shape Arabic, the
Unicode bidi algorithm orders mixed text), fonts found by fontconfig among the system's fonts
(Debian's fonts-noto-core). Nothing is fetched from the network: only local files and data:
URLs may be loaded."""

from __future__ import annotations

from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.urls import URLFetcher

from lookup.briefing.render import TEMPLATES


def layout(html: str) -> Document:
    """Lay the pages out (the slow part); `len(document.pages)` is the page count."""
    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    return HTML(string=html, base_url=TEMPLATES.as_uri() + "/", url_fetcher=fetcher).render()


def write(document: Document) -> bytes:
    return document.write_pdf()
