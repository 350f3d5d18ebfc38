"""The console in headless Chromium (Debian's, never a downloaded one) against the service run by
uvicorn on a free port, with a fake Rasa: a refused password, an officer's reply reaching the
visitor's conversation, an announcement reaching two visitors in two languages, Arabic RTL."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect

from lookup.app import create_app
from lookup.packs.importer import import_pack
from lookup.packs.loader import load_pack
from lookup.settings import Settings
from lookup.store.database import transaction
from lookup.store.staff import save_staff
from tests.console.conftest import AS_SERVICE, OFFICER, SERVICE_TOKEN, eventually
from tests.console.fake_rasa import FakeRasa


@pytest.fixture(scope="module")
def rasa() -> Iterator[FakeRasa]:
    fake = FakeRasa().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def service(
    tmp_path_factory: pytest.TempPathFactory, rasa: FakeRasa, pack_path: Path
) -> Iterator[str]:
    """The lookup service with the console, served by uvicorn in a thread: its base URL."""
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("browser") / "data",
        rasa_url=rasa.url,
        push_channels="socketio,telegram",
        delivery_retry_seconds=0.1,
        delivery_poll_seconds=0.2,
        service_token=SERVICE_TOKEN,
    )
    app = create_app(settings)
    import_pack(app.state.session_factory, load_pack(pack_path).pack)
    with transaction(app.state.session_factory) as session:
        save_staff(session, OFFICER[0], OFFICER[1], display_name=OFFICER[2])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    eventually(lambda: server.started, message="uvicorn started")
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(15)


@pytest.fixture
def page(browser: Browser, service: str) -> Iterator[Page]:
    context = browser.new_context(base_url=service, locale="en-GB")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


def sign_in(page: Page, password: str = OFFICER[1]) -> None:
    page.goto("/console/login")
    page.get_by_label("Username").fill(OFFICER[0])
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_a_wrong_password_is_refused(page: Page) -> None:
    sign_in(page, password="definitely not it")
    expect(page.locator("#login-error")).to_have_text("Wrong username or password.")
    page.goto("/console/handoffs")
    expect(page).to_have_url(re.compile(r"/console/login\?next="))
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()


def test_an_officer_reply_reaches_the_visitors_conversation(
    page: Page, service: str, rasa: FakeRasa
) -> None:
    handoff = httpx.post(
        f"{service}/v1/handoffs",
        headers=AS_SERVICE,
        json={
            "sender_id": "tg-77",
            "channel": "telegram",
            "language": "fr",
            "nationality": "Guestland",
            "reason": "asked",
            "transcript": [
                {"speaker": "visitor", "text": "Un humain svp", "time": "2027-06-02T08:00:00Z"}
            ],
        },
    ).json()
    sign_in(page)
    expect(page.locator(f'tr[data-handoff="{handoff["id"]}"]')).to_contain_text("Guestland")
    page.locator(f'tr[data-handoff="{handoff["id"]}"]').get_by_role("link").click()
    expect(page.locator("#transcript")).to_contain_text("Un humain svp")

    # The visitor writes again: it appears without reloading the page.
    httpx.post(
        f"{service}/v1/handoffs/{handoff['id']}/messages",
        json={
            "sender_id": "tg-77",
            "channel": "telegram",
            "speaker": "visitor",
            "text": "Vous êtes là ?",
        },
        headers=AS_SERVICE,
    )
    expect(page.locator("#transcript")).to_contain_text("Vous êtes là ?")

    page.get_by_label("Reply").fill("Oui, le bus part à 14h depuis la porte 2.")
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_role("status").first).to_have_text("Reply sent.")
    assert ("tg-77", "telegram", "Oui, le bus part à 14h depuis la porte 2.") in rasa.messages()
    expect(page.locator("#transcript .msg-officer")).to_contain_text(OFFICER[2])


def test_an_announcement_reaches_two_visitors_in_their_languages(
    page: Page, service: str, rasa: FakeRasa
) -> None:
    for sender, channel, lang in [("web-5", "socketio", "en"), ("tg-6", "telegram", "ar")]:
        body = {"sender_id": sender, "channel": channel, "language": lang}
        registered = httpx.post(f"{service}/v1/visitors", json=body, headers=AS_SERVICE)
        assert registered.status_code in (200, 201)
    sign_in(page)
    page.get_by_role("link", name="Announcements").click()
    # Every language some recipient reads is required (the handoff test's visitor reads French).
    page.locator("#text-fr").fill("La cérémonie de clôture est avancée à 16h00.")
    page.locator("#text-en").fill("The closing ceremony moves to 16:00.")
    page.locator("#text-ar").fill("تم تقديم حفل الختام إلى الساعة 16:00.")
    page.get_by_role("button", name="Send to every recipient").click()
    expect(page.get_by_role("status").first).to_contain_text("Announcement queued")
    wanted = {
        ("web-5", "socketio", "The closing ceremony moves to 16:00."),
        ("tg-6", "telegram", "تم تقديم حفل الختام إلى الساعة 16:00."),
    }
    eventually(lambda: wanted <= set(rasa.messages()), message="both visitors reached")
    page.reload()  # (the page also refreshes itself while deliveries are pending)
    expect(page.locator("#delivery-summary")).to_contain_text("pending 0")
    expect(page.locator('tr[data-delivery] >> text="English"')).to_have_count(1)
    expect(page.locator('tr[data-delivery] >> text="Arabic"')).to_have_count(1)


def test_the_arabic_console_is_right_to_left(page: Page) -> None:
    sign_in(page)
    page.get_by_role("button", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("h1")).to_have_text("المحادثات المفتوحة")
    # Mirrored: the header starts on the right.
    brand = page.locator(".brand").bounding_box()
    width = page.viewport_size["width"] if page.viewport_size else 1280
    assert brand is not None and brand["x"] > width / 2
