"""Urdu in the web chat, in headless Chromium: the page turns right-to-left and its Arabic-script
text is drawn in Nastaliq, with the distribution's Noto Nastaliq Urdu served by web/server.py
itself (no request leaves the page's own server), with the taller lines Nastaliq needs. Which
font drew a node is asked of Chromium (DevTools' CSS.getPlatformFontsForNode), not inferred."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from common.languages import LANGUAGES
from tests.browser import browser  # noqa: F401 (the fixture)
from web.server import DEFAULT_FONT_DIR, PAGE_DIR, ChatRequestHandler

NASTALIQ = "Noto Nastaliq Urdu"


@pytest.fixture()
def page_url() -> Iterator[str]:
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(ChatRequestHandler, directory=str(PAGE_DIR))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def page(browser: Browser, page_url: str) -> Iterator[tuple[Page, list[str]]]:  # noqa: F811
    """The chat page opened in Urdu (Rasa is not running: the page stays offline, which the
    page's own words and fonts do not need), and every URL it requested."""
    context = browser.new_context(locale="ur-PK")
    opened = context.new_page()
    requested: list[str] = []
    opened.on("request", lambda request: requested.append(request.url))
    opened.goto(f"{page_url}/")
    opened.locator("#language option[value=ur]").wait_for(state="attached")
    yield opened, requested
    context.close()


def fonts_of(page: Page, selector: str) -> list[dict[str, Any]]:
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts: list[dict[str, Any]] = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})[
        "fonts"
    ]
    return fonts


def test_urdu_is_offered_in_the_picker() -> None:
    assert "ur" in LANGUAGES


def test_the_urdu_page_reads_right_to_left_in_the_served_nastaliq_font(
    page: tuple[Page, list[str]], page_url: str
) -> None:
    chat, requested = page
    chat.select_option("#language", "ur")
    assert chat.locator("html").get_attribute("dir") == "rtl"
    assert chat.locator("html").get_attribute("lang") == "ur"
    hint = chat.locator("#enrol-hint")
    assert any("\u0600" <= char <= "\u06ff" for char in hint.inner_text())
    # The face loads once text needs it (the page's policy forbids wait_for_function's eval).
    statuses = chat.evaluate(
        "async () => { await document.fonts.ready; return [...document.fonts]"
        ".filter(f => f.family.includes('Nastaliq')).map(f => f.status); }"
    )
    assert statuses == ["loaded"], statuses
    used = fonts_of(chat, "#enrol-hint")
    nastaliq = [font for font in used if font["familyName"] == NASTALIQ]
    # Drawn with the web font the page's server sent, not a system font Chromium fell back to.
    assert nastaliq and all(font["isCustomFont"] for font in nastaliq), used
    assert f"{page_url}/fonts/NotoNastaliqUrdu-Regular.ttf" in requested
    assert all(url.startswith(page_url) for url in requested), requested
    # Nastaliq's tall letters get taller lines than the 1.5 of the other languages.
    size, height = hint.evaluate(
        "e => [getComputedStyle(e).fontSize, getComputedStyle(e).lineHeight].map(parseFloat)"
    )
    assert height >= 2 * size


def test_other_languages_keep_their_own_fonts(page: tuple[Page, list[str]]) -> None:
    chat, _ = page
    chat.select_option("#language", "ar")
    assert chat.locator("html").get_attribute("dir") == "rtl"
    assert not any(font["familyName"] == NASTALIQ for font in fonts_of(chat, "#enrol-hint"))
    chat.select_option("#language", "en")
    assert not any(font["familyName"] == NASTALIQ for font in fonts_of(chat, "#enrol-hint"))


def test_an_urdu_answer_is_drawn_in_nastaliq_on_a_page_in_another_language(
    browser: Browser,  # noqa: F811
    page_url: str,
) -> None:
    """A visitor who types Urdu without touching the picker gets Urdu answers on an English page:
    those bubbles, and only those, are drawn in Nastaliq (marked by their letters)."""
    context = browser.new_context(locale="en-GB")
    chat = context.new_page()
    chat.goto(f"{page_url}/")
    chat.locator("#language option[value=ur]").wait_for(state="attached")
    history = [
        {"from": "user", "text": "نماز کی جگہ کہاں ہے؟"},
        {"from": "bot", "text": "نماز کا کمرہ مین بلڈنگ میں ہے۔"},
        {"from": "bot", "text": "The prayer room is in the main building."},
        {"from": "bot", "text": "غرفة الصلاة في المبنى الرئيسي."},
    ]
    chat.evaluate("h => localStorage.setItem('liaison.history', JSON.stringify(h))", history)
    chat.reload()
    chat.locator("#log .message").nth(3).wait_for()
    assert chat.locator("html").get_attribute("lang") == "en"
    chat.evaluate("async () => { await document.fonts.ready; }")
    drawn_in_nastaliq = []
    for index in range(4):
        fonts = fonts_of(chat, f"#log .message:nth-child({index + 1})")
        drawn_in_nastaliq.append(any(font["familyName"] == NASTALIQ for font in fonts))
    assert drawn_in_nastaliq == [True, True, False, False]
    context.close()


def test_only_the_listed_fonts_are_served(page_url: str) -> None:
    import urllib.error
    import urllib.request

    assert (Path(DEFAULT_FONT_DIR) / "NotoNastaliqUrdu-Regular.ttf").is_file()
    with urllib.request.urlopen(f"{page_url}/fonts/NotoNastaliqUrdu-Regular.ttf") as response:
        assert response.headers["Content-Type"] == "font/ttf"
        assert response.read(4) in (b"\x00\x01\x00\x00", b"true", b"OTTO")
    for name in ("NotoSans-Regular.ttf", "../../../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{page_url}/fonts/{name}")
        assert refused.value.code == 404, name
