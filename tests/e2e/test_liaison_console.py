"""The liaison console with the whole assistant running: a visitor in the web chat asks for a
person, an officer answers from the console and the reply arrives in the visitor's conversation;
an announcement reaches two visitors, each in their own language; a wrong password is refused."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from bot.nlu.language_id import LanguageIdentifier
from tests.browser import ARTEFACTS
from tools.stack import Stack

pytestmark = pytest.mark.e2e

OFFICER, PASSWORD = "haddad", "correct horse battery staple"
identify = LanguageIdentifier(["ar", "en", "fr"]).identify


@pytest.fixture(scope="module")
def officer_account(stack: Stack) -> str:
    liaison = stack.config.lookup_env / "bin" / "liaison"
    created = subprocess.run(
        [str(liaison), "add-staff", OFFICER, "--name", "Capt. Haddad", "--password-stdin"],
        input=PASSWORD,
        text=True,
        capture_output=True,
        env=stack.config.environment(),
    )
    assert created.returncode == 0, created.stderr
    return OFFICER


@pytest.fixture
def contexts(browser: Browser) -> Iterator[list[BrowserContext]]:
    opened: list[BrowserContext] = []
    yield opened
    for context in opened:
        context.close()


def open_page(browser: Browser, contexts: list[BrowserContext], url: str) -> Page:
    context = browser.new_context()
    contexts.append(context)
    page = context.new_page()
    page.goto(url)
    return page


def visitor(browser: Browser, contexts: list[BrowserContext], stack: Stack) -> Page:
    page = open_page(browser, contexts, f"{stack.url('webchat')}/")
    page.locator("#status[data-state=online]").wait_for()
    return page


def say(page: Page, text: str, expect_reply: bool = True) -> str:
    answered = page.locator(".message.bot").count()
    page.fill("#message", text)
    page.press("#message", "Enter")
    if not expect_reply:
        return ""
    reply = page.locator(".message.bot").nth(answered)
    reply.wait_for(timeout=30_000)
    return reply.inner_text()


def officer(browser: Browser, contexts: list[BrowserContext], stack: Stack) -> Page:
    page = open_page(browser, contexts, f"{stack.url('lookup')}/console/login")
    page.fill("input[name=username]", OFFICER)
    page.fill("input[name=password]", PASSWORD)
    page.click("form[action='/console/login'] button[type=submit]")
    page.wait_for_url("**/console/handoffs**")
    return page


def test_a_handoff_reaches_the_officer_and_the_reply_reaches_the_visitor(
    browser: Browser,
    contexts: list[BrowserContext],
    stack: Stack,
    officer_account: str,
) -> None:
    visiting = visitor(browser, contexts, stack)
    queued = say(visiting, "I'd like to talk to a person from the liaison team please")
    assert "liaison team" in queued.lower(), queued
    # While the officer has the conversation, the bot stays quiet and passes messages on.
    bot_messages = visiting.locator(".message.bot").count()
    say(visiting, "Is the gym open tonight?", expect_reply=False)

    console = officer(browser, contexts, stack)
    # The queue may hold other modules' handoffs (the stack is shared): open this visitor's.
    mine = console.locator("tr[data-handoff]", has_text="Is the gym open tonight?")
    mine.locator("a[href^='/console/handoffs/']").click()
    expect(console.locator("#transcript")).to_contain_text("Is the gym open tonight?")
    assert visiting.locator(".message.bot").count() == bot_messages

    reply = "Yes, the gym is open until 22:00. Capt. Haddad, liaison cell"
    console.fill("#reply-text", reply)
    console.click("#reply button[type=submit]")
    expect(visiting.locator(".message.bot").last).to_have_text(reply, timeout=30_000)

    console.click("form[action$='/handback'] button")
    expect(visiting.locator(".message.bot").last).to_contain_text("assistant again")
    answer = say(visiting, "When is lunch?")
    assert identify(answer) == "en" and answer != reply


def test_an_announcement_reaches_each_visitor_in_their_language(
    browser: Browser,
    contexts: list[BrowserContext],
    stack: Stack,
    officer_account: str,
) -> None:
    arabic, french = visitor(browser, contexts, stack), visitor(browser, contexts, stack)
    assert identify(say(arabic, "متى وقت الغداء؟")) == "ar"
    assert identify(say(french, "À quelle heure est le dîner ?")) == "fr"

    texts = {
        "ar": "تم تأجيل حفل الختام إلى الساعة 16:00.",
        "en": "The closing ceremony has moved to 16:00.",
        "fr": "La cérémonie de clôture est décalée à 16 h 00.",
    }
    console = officer(browser, contexts, stack)
    console.goto(f"{stack.url('lookup')}/console/announcements")
    for lang, text in texts.items():
        console.fill(f"#text-{lang}", text)
    console.click("#compose button[type=submit]")

    expect(arabic.locator(".message.bot").last).to_have_text(texts["ar"], timeout=60_000)
    expect(french.locator(".message.bot").last).to_have_text(texts["fr"], timeout=60_000)
    assert direction(arabic) == "rtl"
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    arabic.screenshot(path=str(ARTEFACTS / "announcement-arabic.png"))
    # Delivery is recorded per recipient.
    console.reload()
    expect(console.locator("tr.delivery-sent")).not_to_have_count(0)


def direction(page: Page) -> str:
    return page.locator(".message.bot").last.evaluate("e => getComputedStyle(e).direction")


def test_a_wrong_password_is_refused(
    browser: Browser,
    contexts: list[BrowserContext],
    stack: Stack,
    officer_account: str,
) -> None:
    page = open_page(browser, contexts, f"{stack.url('lookup')}/console/login")
    page.fill("input[name=username]", OFFICER)
    page.fill("input[name=password]", "not the password")
    page.click("form[action='/console/login'] button[type=submit]")
    expect(page.locator("#login-error")).to_be_visible()
    page.goto(f"{stack.url('lookup')}/console/handoffs")
    expect(page).to_have_url(re.compile(r"/console/login\?next=/console/handoffs$"))
