"""The web chat page in a real browser, against the real stack: direction, language, reload, XSS."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Locator, Page

from bot.nlu.language_id import LanguageIdentifier
from common.i18n import text_direction
from tests.browser import ARTEFACTS
from tools.stack import Stack

pytestmark = pytest.mark.e2e

QUESTIONS = {
    "ar": "متى وقت الغداء؟",
    "en": "Where is the medical centre?",
    "fr": "À quelle heure est le dîner ?",
    "ur": "ڈائننگ ہال کہاں ہے؟",
}
identify = LanguageIdentifier(list(QUESTIONS)).identify


@pytest.fixture
def page(browser: Browser, stack: Stack) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB")
    opened = context.new_page()
    opened.goto(f"{stack.url('webchat')}/")
    opened.locator("#status[data-state=online]").wait_for()
    yield opened
    context.close()


def ask(page: Page, text: str) -> Locator:
    """Type a question, press Enter; the first bot bubble that answers it."""
    answered = page.locator(".message.bot").count()
    page.fill("#message", text)
    page.press("#message", "Enter")
    reply = page.locator(".message.bot").nth(answered)
    reply.wait_for(timeout=30_000)
    return reply


def settled_messages(page: Page, quiet_ms: int = 1_500, timeout_ms: int = 30_000) -> list[str]:
    """The bubbles' texts once no new one has come for `quiet_ms`: an answer arrives as several
    messages (a card, then e.g. the note that part of it is for participants), one emit each."""
    texts, quiet, waited = page.locator(".message").all_inner_texts(), 0, 0
    while quiet < quiet_ms and waited < timeout_ms:
        page.wait_for_timeout(250)
        waited += 250
        now = page.locator(".message").all_inner_texts()
        quiet = quiet + 250 if now == texts else 0
        texts = now
    return texts


def direction(element: Locator) -> str:
    return element.evaluate("element => getComputedStyle(element).direction")


@pytest.mark.parametrize("lang", sorted(QUESTIONS))
def test_each_answer_is_in_the_question_language_and_reads_in_its_direction(
    page: Page, lang: str
) -> None:
    reply = ask(page, QUESTIONS[lang])
    question = page.locator(".message.user").last
    expected = text_direction(lang)
    assert direction(question) == expected
    assert direction(reply) == expected
    assert identify(reply.inner_text()) == lang, reply.inner_text()


def test_an_arabic_conversation_mirrors_the_page_and_its_quick_replies(page: Page) -> None:
    page.select_option("#language", "ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    confirmation = page.locator(".message.bot").first
    confirmation.wait_for(timeout=30_000)  # the bot confirms the switch, in Arabic
    assert identify(confirmation.inner_text()) == "ar"
    reply = ask(page, "مرحبا")
    assert direction(reply) == "rtl"
    page.locator(".quick-replies").first.wait_for()
    buttons = page.locator(".quick-replies").last.locator("button")
    titles = buttons.all_inner_texts()
    assert len(titles) >= 2 and all(identify(title) == "ar" for title in titles), titles
    # Right to left: the first button sits to the right of the second.
    first, second = buttons.nth(0).bounding_box(), buttons.nth(1).bounding_box()
    assert first and second and first["x"] > second["x"]
    # The input box reads right to left when empty, and follows what is typed.
    assert direction(page.locator("#message")) == "rtl"
    page.fill("#message", "Where is")
    assert direction(page.locator("#message")) == "ltr"
    page.fill("#message", "")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "webchat-arabic.png"))
    # A quick reply asks its question in the conversation's language.
    answered = page.locator(".message.bot").count()
    buttons.nth(1).click()
    meal_times = page.locator(".message.bot").nth(answered)
    meal_times.wait_for(timeout=30_000)
    assert identify(meal_times.inner_text()) == "ar"


def test_the_conversation_survives_a_reload(page: Page, stack: Stack) -> None:
    ask(page, QUESTIONS["en"])
    session = page.locator("body").get_attribute("data-session")
    # The whole answer: a snapshot at its first bubble raced the ones after it.
    before = settled_messages(page)
    page.reload()
    page.locator("#status[data-state=online]").wait_for()
    assert settled_messages(page) == before
    assert page.locator("body").get_attribute("data-session") == session
    # The server holds the same conversation under that session id.
    tracker = httpx.get(stack.rasa_api(f"/conversations/{session}/tracker"), timeout=10).json()
    assert QUESTIONS["en"] in [e.get("text") for e in tracker["events"] if e["event"] == "user"]


def test_a_script_injection_is_shown_as_text(page: Page) -> None:
    attack = '<img src=x onerror="document.body.dataset.pwned=1"><script>alert(1)</script>'
    ask(page, attack)
    assert page.locator(".message.user").last.inner_text() == attack
    assert page.locator("#log img, #log script").count() == 0
    assert page.locator("body").get_attribute("data-pwned") is None
