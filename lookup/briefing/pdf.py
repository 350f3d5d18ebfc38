"""HTML to PDF with WeasyPrint: a real layout engine (Pango and HarfBuzz shape Arabic, the
Unicode bidi algorithm orders mixed text), fonts found by fontconfig among the system's fonts
(Debian's fonts-noto-core). Nothing is fetched from the network or from elsewhere on disk: the
URL fetcher serves data: URLs and the project's own briefing templates folder, nothing else
(issue 18, item 10: a file: URL in an edited text must not put a local file into a PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.urls import URLFetcher, URLFetcherResponse

from lookup.briefing.render import TEMPLATES


class RefusedURL(ValueError):
    """A briefing asked for something outside what the fetcher serves."""


class ProjectOnlyFetcher(URLFetcher):
    """data: URLs, and file: URLs inside `root` (after resolving links and '..'); every other
    URL raises, which WeasyPrint reports as a warning and renders without."""

    def __init__(self, root: Path = TEMPLATES) -> None:
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
        self.root = root.resolve()

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            parts = urlsplit(url)
            if parts.netloc not in ("", "localhost"):
                raise RefusedURL(f"not a local file: {url}")
            path = Path(unquote(parts.path)).resolve()
            if path.is_relative_to(self.root) and path.is_file():
                return URLFetcherResponse(path.as_uri(), path.read_bytes())
        raise RefusedURL(f"briefings load only their own templates and data: URLs, not {url}")


def layout(html: str) -> Document:
    """Lay the pages out (the slow part); `len(document.pages)` is the page count."""
    return HTML(
        string=html, base_url=TEMPLATES.as_uri() + "/", url_fetcher=ProjectOnlyFetcher()
    ).render()


def write(document: Document) -> bytes:
    return document.write_pdf()
