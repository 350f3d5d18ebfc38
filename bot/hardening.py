"""The Rasa process's security fixes, installed by `bot.rasa_server` before Rasa starts.

Unlike the speed patches (bot/patches, switchable), these are always on, and Rasa does not start
on a version they were not written against: a security fix silently skipped is worse than a
start-up error.

- bot.channels.guard: length cap, per-sender rate limit, one channel per conversation, staff
  intents only through Rasa's trigger_intent API, visitor shortcuts limited to the bot's own.
- bot.channels.webhooks: malformed webhook bodies refused with a 4xx, the channel recorded is the
  connector's own, socket.io session ids issued by the server, Telegram's secret token checked.
- the API token from the environment (LIAISON_RASA_TOKEN) rather than the command line, where
  any local user could read it in /proc/<pid>/cmdline.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

HARDENED_RASA_VERSION = "3.6.21"
TOKEN_VARIABLE = "LIAISON_RASA_TOKEN"


def with_auth_token(argv: list[str], env: Mapping[str, str] = os.environ) -> list[str]:
    """`rasa run` arguments with --auth-token from the environment, unless one is given. Only
    this process's sys.argv changes: /proc/<pid>/cmdline keeps the command it was started with."""
    token = env.get(TOKEN_VARIABLE, "")
    if not token or any(arg == "--auth-token" or arg.startswith("--auth-token=") for arg in argv):
        return argv
    # One argument with "=": a token may begin with "-", which argparse would take for an option.
    return [*argv, f"--auth-token={token}"]


def install() -> None:
    import rasa

    if rasa.__version__ != HARDENED_RASA_VERSION:
        raise SystemExit(
            f"Rasa {rasa.__version__}: bot.hardening was written against {HARDENED_RASA_VERSION}; "
            f"check bot/channels/guard.py and bot/channels/webhooks.py against this version first"
        )
    from bot.channels import guard, webhooks

    guard.install()
    webhooks.install()
