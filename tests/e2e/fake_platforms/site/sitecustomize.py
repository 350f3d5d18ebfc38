"""Test only: point Rasa's messaging connectors at the fake platform instead of the real hosts.

Python imports `sitecustomize` at start-up from the first PYTHONPATH entry that holds one; the
channel tests put this folder there. It does nothing unless LIAISON_FAKE_PLATFORM_URL is set AND
this process is the Rasa server (`rasa run`), so the other processes of the stack are untouched.
Production code is not changed: each client library is patched right after it is imported, at
the one place it names the platform's host:

  aiogram 2.15 (Telegram)      TELEGRAM_PRODUCTION, the default `server` of every Bot
  slack_sdk (Slack)            AsyncBaseClient's base_url (https://slack.com/api/)
  twilio 8.2 (Twilio)          TwilioHttpClient.request, for URLs on *.twilio.com
  rasa.core.channels.botframework
                               MICROSOFT_OPEN_ID_URI and MICROSOFT_OAUTH2_URL (token, OpenID
                               configuration; the JWKS and the activity's serviceUrl come from
                               the fake's answers and the test's payload)

Mattermost and Rocket.Chat need nothing: their server URL is a credential.
"""

from __future__ import annotations

import functools
import importlib.abc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

FAKE = os.environ.get("LIAISON_FAKE_PLATFORM_URL", "").rstrip("/")


def _is_rasa_server() -> bool:
    """`rasa run`, or `python -m bot.rasa_server run` as tools.stack starts it (while site runs,
    sys.argv does not name the -m module yet: the command line in /proc does)."""
    if Path(sys.argv[0]).name == "rasa" and sys.argv[1:2] == ["run"]:
        return True
    try:
        command = Path("/proc/self/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return any(
        command[i : i + 3] == [b"-m", b"bot.rasa_server", b"run"] for i in range(len(command))
    )


def _telegram(module: ModuleType) -> None:
    # A frozen dataclass that Bot.__init__ already holds as its default: change it in place.
    fake = module.TelegramAPIServer.from_base(f"{FAKE}/telegram")
    object.__setattr__(module.TELEGRAM_PRODUCTION, "base", fake.base)
    object.__setattr__(module.TELEGRAM_PRODUCTION, "file", fake.file)


def _slack(module: ModuleType) -> None:
    client = module.AsyncBaseClient
    original = client.__init__

    @functools.wraps(original)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.base_url = f"{FAKE}/slack/api/"

    client.__init__ = __init__


def _twilio(module: ModuleType) -> None:
    client = module.TwilioHttpClient
    original = client.request

    @functools.wraps(original)
    def request(self: Any, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        parts = urlsplit(url)
        if parts.hostname and parts.hostname.endswith(".twilio.com"):
            url = f"{FAKE}/twilio{parts.path}" + (f"?{parts.query}" if parts.query else "")
        return original(self, method, url, *args, **kwargs)

    client.request = request


def _botframework(module: ModuleType) -> None:
    vars(module).update(
        MICROSOFT_OPEN_ID_URI=f"{FAKE}/botframework/v1/.well-known/openidconfiguration",
        MICROSOFT_OAUTH2_URL=f"{FAKE}/botframework/login",
    )


PATCHES: dict[str, Callable[[ModuleType], None]] = {
    "aiogram.bot.api": _telegram,
    "slack_sdk.web.async_base_client": _slack,
    "twilio.http.http_client": _twilio,
    "rasa.core.channels.botframework": _botframework,
}


class _PatchAfterImport(importlib.abc.MetaPathFinder):
    """Let the normal finders load a module, then patch it before anyone else can use it."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        patch = PATCHES.get(name)
        if patch is None:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None and spec.loader is not None:
                exec_module = spec.loader.exec_module

                def exec_and_patch(module: ModuleType, exec_module: Any = exec_module) -> None:
                    exec_module(module)
                    patch(module)

                spec.loader.exec_module = exec_and_patch  # type: ignore[method-assign]
                return spec
        return None


if FAKE and _is_rasa_server():
    sys.meta_path.insert(0, _PatchAfterImport())
    print(f"sitecustomize: messaging platforms redirected to {FAKE} (test)", file=sys.stderr)
