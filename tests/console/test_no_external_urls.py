"""No page of the lookup service loads anything from outside (issue 18, item 12): FastAPI's /docs
pulled Swagger UI from a public CDN onto the console's origin. The docs are off unless
LIAISON_DOCS=1, and then served from the swagger-ui-bundle package; a real browser loading them
and the console asks this service, and only it, for every file."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser

from lookup.settings import Settings
from tests.console.conftest import OFFICER, sign_in
from tests.live_server import live_server

CONSOLE_PAGES = [
    "/console/handoffs",
    "/console/unanswered",
    "/console/announcements",
    "/console/translations",
    "/console/staff",
]
# Any attribute or CSS url() that names another origin (scheme-relative "//host" included).
EXTERNAL = re.compile(
    r"""(?:src|href|action|srcset|data)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)(?!/)"""
    r"""|url\(\s*["']?\s*(?:https?:|//)""",
    re.IGNORECASE,
)


def _external(text: str) -> list[str]:
    return [text[m.start() : m.end() + 40] for m in EXTERNAL.finditer(text)]


@pytest.fixture
def docs_client(make_client: Callable[..., TestClient], sqlite_settings: Settings) -> TestClient:
    return make_client(sqlite_settings.model_copy(update={"docs": True}))


def test_the_docs_are_off_by_default(sqlite_client: TestClient) -> None:
    for path in ("/docs", "/redoc", "/docs/oauth2-redirect"):
        assert sqlite_client.get(path).status_code == 404, path
    assert sqlite_client.get("/openapi.json").status_code == 200  # the spec itself stays


def test_the_docs_and_every_console_page_name_only_this_service(
    docs_client: TestClient,
) -> None:
    docs = docs_client.get("/docs")
    assert docs.status_code == 200
    assert _external(docs.text) == []
    for header in (docs.headers["content-security-policy"],):
        assert "http" not in header and "*" not in header
    init = docs_client.get("/docs/init.js")
    assert init.status_code == 200 and "validatorUrl: null" in init.text
    for asset in re.findall(r'(?:src|href)="(/docs/static/[^"]+)"', docs.text):
        assert docs_client.get(asset).status_code == 200, asset

    pages = {"/console/login": docs_client.get("/console/login")}
    assert sign_in(docs_client, OFFICER[0], OFFICER[1]).status_code == 303
    pages.update({path: docs_client.get(path) for path in CONSOLE_PAGES})
    for path, page in pages.items():
        assert page.status_code in (200, 403), path  # staff: admins only
        assert _external(page.text) == [], path
        csp = page.headers.get("content-security-policy", "")
        assert "http" not in csp, path
    for css in re.findall(r'href="(/console/static/[^"]+\.css)"', pages["/console/login"].text):
        assert _external(docs_client.get(css).text) == [], css


@pytest.fixture
def docs_url(docs_client: TestClient) -> Iterator[str]:
    with live_server(docs_client.app) as url:
        yield url


def test_a_browser_loading_the_docs_and_console_asks_only_this_service(
    docs_url: str, browser: Browser
) -> None:
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{docs_url}/docs")
    page.wait_for_selector("text=Liaison lookup service", timeout=15000)  # Swagger UI ran
    page.wait_for_selector("[data-path='/v1/exercise']", timeout=15000)  # ... and read the spec
    page.goto(f"{docs_url}/console/login")
    page.get_by_label("Username").fill(OFFICER[0])
    page.get_by_label("Password").fill(OFFICER[1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{docs_url}/console/handoffs")
    for path in CONSOLE_PAGES:
        page.goto(f"{docs_url}{path}")
    page.close()
    assert requested, "the browser loaded nothing"
    outside = [url for url in requested if not url.startswith(docs_url + "/")]
    assert outside == []
