"""The web chat page learns its languages, their direction and its own words from the server's
config.json (the "webchat" catalogs and CLDR), beside where Rasa is."""

from __future__ import annotations

import json
import re
import threading
import urllib.request
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer

import pytest

from common.languages import DEFAULT_LANGUAGE, LANGUAGES
from web.server import PAGE_DIR, ChatRequestHandler


@pytest.fixture()
def page_url() -> Iterator[str]:
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(ChatRequestHandler, directory=str(PAGE_DIR))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_the_page_config_carries_each_language_with_its_direction_and_words(page_url: str) -> None:
    with urllib.request.urlopen(f"{page_url}/config.json", timeout=5) as response:
        config = json.load(response)
    assert config["rasaPort"] == 5005 and config["defaultLanguage"] == DEFAULT_LANGUAGE
    languages = {entry["code"]: entry for entry in config["languages"]}
    assert list(languages) == list(LANGUAGES)
    assert {code: entry["dir"] for code, entry in languages.items()} == {
        "ar": "rtl",
        "en": "ltr",
        "fr": "ltr",
        "ur": "rtl",
    }
    assert languages["fr"]["strings"]["send"] == "Envoyer"
    assert languages["ar"]["name"] == "العربية"
    assert languages["en"]["strings"]["placeholder"] == "Ask about the exercise…"
    # Every word the page asks for (index.html's data-i18n names, chat.js's own) in every language.
    with urllib.request.urlopen(f"{page_url}/index.html", timeout=5) as response:
        asked = set(re.findall(r'data-i18n="(\w+)"', response.read().decode()))
    assert asked >= {"title", "send"}
    scripted = {"placeholder", "message", "online", "offline"}  # what chat.js sets itself
    for entry in languages.values():
        assert asked | scripted <= set(entry["strings"]), entry["code"]
