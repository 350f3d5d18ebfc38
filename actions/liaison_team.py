"""What the liaison team needs to hear about: who can receive announcements, and questions the bot
could not answer. Best effort: a failure here is logged and never spoils the visitor's answer."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from typing import Any

from rasa_sdk import Tracker

from actions.lookup_client import LookupClient, LookupUnavailable

logger = logging.getLogger(__name__)

# Background sends still running (kept so they are not garbage-collected half way).
_pending: set[asyncio.Task[None]] = set()

# Visitors the service already knows: sender → (channel, language, when). A conversation's
# later turns skip the write (half the lookup service's work per turn); a new channel or
# language, or an hour gone by (so the console's "last seen" stays roughly right), sends again.
REFRESH_SECONDS = 3600.0
MAX_REMEMBERED = 50_000
_known_visitors: OrderedDict[str, tuple[str, str, float]] = OrderedDict()


def channel_of(tracker: Tracker) -> str:
    return tracker.get_latest_input_channel() or "rest"


def remember_visitor(client: LookupClient, tracker: Tracker, lang: str) -> None:
    """Record that this sender talks to us on this channel, without delaying the answer."""
    sender, channel = tracker.sender_id, channel_of(tracker)
    known = _known_visitors.get(sender)
    if known and known[:2] == (channel, lang) and time.monotonic() - known[2] < REFRESH_SECONDS:
        return

    # Remembered before the write is sent: a visitor's next turn often arrives while it is still
    # on its way (under load, every turn did, and the lookup service got one write per turn).
    # A write that fails is forgotten again, so the next turn tries once more.
    entry = (channel, lang, time.monotonic())
    _known_visitors[sender] = entry
    _known_visitors.move_to_end(sender)
    while len(_known_visitors) > MAX_REMEMBERED:
        _known_visitors.popitem(last=False)

    async def register() -> None:
        try:
            await client.register_visitor(sender, channel, lang)
        except BaseException:
            if _known_visitors.get(sender) is entry:
                del _known_visitors[sender]
            raise

    _in_background(register())


def best_guess(tracker: Tracker) -> tuple[str | None, float | None]:
    """The intent the model leaned to, other than the fallback itself, and its confidence."""
    for ranked in tracker.latest_message.get("intent_ranking") or []:
        if ranked.get("name") not in (None, "nlu_fallback"):
            return ranked["name"], ranked.get("confidence")
    return None, None


def record_unanswered(
    client: LookupClient, tracker: Tracker, lang: str, reason: str, text: str | None = None
) -> None:
    """The question, its language, the model's guess; no sender id or other personal data."""
    # What the visitor typed: the NLU keeps its folded copy apart (bot/nlu/text_normalizer.py).
    text = text if text is not None else tracker.latest_message.get("text") or ""
    if not text or text.startswith("/"):
        return  # a button's payload is not a question anyone typed
    intent, confidence = best_guess(tracker)
    question: dict[str, Any] = {
        "text": text,
        "language": lang,
        "intent": intent,
        "confidence": confidence,
        "reason": reason,
    }
    _in_background(client.record_unanswered(question))


def in_background(call: Any) -> None:
    """Send to the lookup service without delaying the visitor's answer; failures are logged."""
    _in_background(call)


def _in_background(call: Any) -> None:
    async def guarded() -> None:
        try:
            await call
        except LookupUnavailable as error:
            logger.warning("could not tell the liaison team: %s", error)

    task = asyncio.get_running_loop().create_task(guarded())
    _pending.add(task)
    task.add_done_callback(_pending.discard)


async def drain() -> None:
    """Wait for the background sends (tests, and a clean shutdown)."""
    while _pending:
        await asyncio.gather(*list(_pending))
