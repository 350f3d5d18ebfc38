"""What every visitor message goes through in the Rasa process, whatever channel brought it.

Installed by `bot.rasa_server` around Rasa's MessageProcessor, the one place where the messages of
every connector (REST, socket.io, Telegram, Slack, Twilio, Bot Framework, Mattermost, Rocket.Chat)
and of the HTTP API's `/conversations/{id}/messages` meet, before any NLU work:

- **length cap**: a message longer than LIAISON_MAX_MESSAGE_CHARS (default 2,000 characters;
  Telegram's own cap is 4,096) is refused before NLU, with a reply in the visitor's language.
  NLU time grows with the length (character n-grams): the cap is what bounds a turn's work on
  the event loop. The message is not stored.
- **rate limit per sender**: more than N messages in S seconds from one (channel, sender)
  (LIAISON_CHAT_RATE_LIMIT="N/S", default "20/60", "off" to disable) are refused politely, in the
  visitor's language, without NLU, until the window frees up.
- **one conversation, one channel**: Rasa keys conversations by sender id alone. A message whose
  conversation was last used from another channel (a REST or socket.io client naming a Telegram
  chat id) is refused: it would otherwise write into, and read answers from, someone else's
  conversation.
- **staff intents never come from a visitor**: `is_external` (what marks a message Rasa's
  trigger_intent API added) is removed from a message's metadata, so no client can claim it; a
  message whose intent is a staff intent (common.intents.STAFF_INTENTS), or a `/intent{...}`
  shortcut that is not one the bot offers (its buttons, common.intents.VISITOR_SHORTCUTS), is
  understood as nothing (`nlu_fallback`), and a shortcut keeps only the entities allowed for it.

Refusals are bot messages sent on the message's own output channel (the REST response, the
socket.io room, the Telegram chat...); nothing of a refused message reaches the tracker store.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections import OrderedDict, deque
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from common.i18n import N_, translator
from common.intents import STAFF_INTENTS, VISITOR_SHORTCUTS
from common.languages import DEFAULT_LANGUAGE, LANGUAGES

logger = logging.getLogger(__name__)

DEFAULT_MAX_MESSAGE_CHARS = 2000
DEFAULT_RATE_LIMIT = "20/60"
TRACKED_SENDERS = 10_000  # senders whose recent messages and language are remembered (LRU)
LANGUAGE_SAMPLE_CHARS = 300  # what language detection reads of a refused message
IS_EXTERNAL = "is_external"  # rasa.shared.core.constants.IS_EXTERNAL
FALLBACK_INTENT = "nlu_fallback"
SHORTCUT = re.compile(r"\s*/(?P<intent>[^{@\s]+)")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# What the guard answers, by reason: English msgids of the "visitor" catalogs (common/locale),
# translated where they are said, so a new language needs only its catalog.
REFUSALS: dict[str, str] = {
    "too_long": N_(
        "Your message is too long for me: {limit} characters at most. "
        "Please ask one short question at a time."
    ),
    "slow_down": N_(
        "You are sending messages faster than I can answer. Please wait a moment, then ask again."
    ),
    "other_channel": N_(
        "This conversation was started on another channel; it cannot be continued here. "
        "Please start a new conversation."
    ),
}


class SettingError(SystemExit):
    """A guard setting Rasa cannot start with; the message names the variable."""


@dataclass(frozen=True)
class GuardSettings:
    max_chars: int = DEFAULT_MAX_MESSAGE_CHARS
    rate_messages: int = 20  # 0: no rate limit
    rate_seconds: float = 60.0

    @classmethod
    def from_environment(cls, env: Mapping[str, str] = os.environ) -> GuardSettings:
        raw_chars = env.get("LIAISON_MAX_MESSAGE_CHARS", "").strip()
        max_chars = DEFAULT_MAX_MESSAGE_CHARS
        if raw_chars:
            if not raw_chars.isdigit() or int(raw_chars) < 1:
                raise SettingError(
                    f"LIAISON_MAX_MESSAGE_CHARS={raw_chars!r}: expected a whole number of "
                    f"characters, at least 1 (default {DEFAULT_MAX_MESSAGE_CHARS})"
                )
            max_chars = int(raw_chars)
        raw_rate = env.get("LIAISON_CHAT_RATE_LIMIT", "").strip().lower() or DEFAULT_RATE_LIMIT
        if raw_rate in ("off", "0"):
            return cls(max_chars, 0, 1.0)
        count, _, seconds = raw_rate.partition("/")
        try:
            messages, window = int(count), float(seconds)
        except ValueError:
            messages, window = -1, -1.0
        if messages < 1 or not window > 0:
            raise SettingError(
                f"LIAISON_CHAT_RATE_LIMIT={raw_rate!r}: expected MESSAGES/SECONDS per sender, "
                f'e.g. "20/60" (the default), or "off"'
            )
        return cls(max_chars, messages, window)


class RateLimiter:
    """At most `messages` in any `seconds` per key (a sliding window), for the most recent
    TRACKED_SENDERS keys: memory stays bounded whatever number of sender ids a client invents."""

    def __init__(self, messages: int, seconds: float, clock: Any = time.monotonic) -> None:
        self.messages, self.seconds, self._clock = messages, seconds, clock
        self._recent: OrderedDict[tuple[str, str], deque[float]] = OrderedDict()

    def allow(self, key: tuple[str, str]) -> bool:
        if self.messages <= 0:
            return True
        now = self._clock()
        times = self._recent.pop(key, None) or deque()
        while times and now - times[0] >= self.seconds:
            times.popleft()
        self._recent[key] = times
        if len(self._recent) > TRACKED_SENDERS:
            self._recent.popitem(last=False)
        if len(times) >= self.messages:
            return False
        times.append(now)
        return True


class Refused(Exception):
    """A message the guard answers itself: `reason` is a key of REFUSALS."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@cache
def _identifier() -> Any:
    from bot.nlu.language_id import LanguageIdentifier

    return LanguageIdentifier(LANGUAGES)


def refusal_text(reason: str, language: str | None, settings: GuardSettings) -> str:
    """The refusal in the visitor's language (English when it has no catalog)."""
    catalog = translator(language or DEFAULT_LANGUAGE, "visitor")
    return catalog.gettext(REFUSALS[reason]).format(limit=settings.max_chars)


class Guard:
    """The checks, with their state (recent messages, each sender's last known language)."""

    def __init__(self, settings: GuardSettings, shortcuts: Mapping[str, Mapping[str, Any]]) -> None:
        self.settings = settings
        self.shortcuts = shortcuts  # intent -> {entity: allowed values}
        self.rate = RateLimiter(settings.rate_messages, settings.rate_seconds)
        self._languages: OrderedDict[str, str] = OrderedDict()

    def remember_language(self, sender_id: str, language: Any) -> None:
        if isinstance(language, str) and language in LANGUAGES:
            self._languages.pop(sender_id, None)
            self._languages[sender_id] = language
            if len(self._languages) > TRACKED_SENDERS:
                self._languages.popitem(last=False)

    def language_for(self, sender_id: str, text: str | None) -> str:
        """The conversation's language when known, else the message's own, else the default."""
        known = self._languages.get(sender_id)
        if known:
            return known
        sample = (text or "")[:LANGUAGE_SAMPLE_CHARS]
        try:
            return _identifier().identify(sample) or DEFAULT_LANGUAGE
        except Exception:  # language detection must never turn a refusal into an error
            logger.exception("language of a refused message not detected")
            return DEFAULT_LANGUAGE

    def check_message(self, channel: str, sender_id: str, text: str | None) -> None:
        """Before the conversation is read: raise Refused for a message not to be processed."""
        if isinstance(text, str) and len(text) > self.settings.max_chars:
            raise Refused("too_long")
        if not self.rate.allow((channel, sender_id)):
            raise Refused("slow_down")

    @staticmethod
    def check_channel(conversation_channel: str | None, channel: str | None) -> None:
        """A conversation continues only on the channel it was last used from."""
        if conversation_channel and channel and conversation_channel != channel:
            raise Refused("other_channel")

    def screen(self, text: str | None, parse_data: dict[str, Any]) -> dict[str, Any]:
        """The parse result with staff intents and shortcuts the bot does not offer removed."""
        intent = (parse_data.get("intent") or {}).get("name")
        shortcut = SHORTCUT.match(text or "")
        if intent in STAFF_INTENTS or (shortcut and intent not in self.shortcuts):
            if shortcut or intent in STAFF_INTENTS:
                logger.warning("refused a visitor's intent %r (text %.80r)", intent, text)
            return {
                **parse_data,
                "intent": {"name": FALLBACK_INTENT, "confidence": 1.0},
                "intent_ranking": [{"name": FALLBACK_INTENT, "confidence": 1.0}],
                "entities": [],
            }
        if shortcut:
            allowed = self.shortcuts.get(str(intent), {})
            entities = [
                entity
                for entity in parse_data.get("entities") or []
                if entity.get("value") in allowed.get(entity.get("entity"), ())
            ]
            return {**parse_data, "entities": entities}
        return parse_data


def shortcuts_from_domain(responses: Mapping[str, Any]) -> dict[str, dict[str, frozenset[str]]]:
    """Intents of the buttons the bot offers (no entities allowed), plus VISITOR_SHORTCUTS."""
    offered: dict[str, dict[str, frozenset[str]]] = {}
    for variations in responses.values():
        for variation in variations or []:
            for button in variation.get("buttons") or []:
                match = SHORTCUT.match(str(button.get("payload") or ""))
                if match and match["intent"] not in STAFF_INTENTS:
                    offered.setdefault(match["intent"], {})
    for intent, entities in VISITOR_SHORTCUTS.items():
        offered[intent] = dict(entities)
    return offered


def clean_text(text: Any) -> Any:
    """The text with lone surrogates (a JSON body may carry `\\ud800`) replaced by U+FFFD: they
    cannot be encoded as UTF-8, and the language detector (lingua, in Rust) raised on them, so
    the visitor got no answer at all."""
    if isinstance(text, str) and not text.isascii():
        return LONE_SURROGATE.sub("\ufffd", text)
    return text


def clean_metadata(metadata: Any) -> Any:
    """A client's metadata without `is_external`: only Rasa's trigger_intent API may mark that."""
    if isinstance(metadata, dict) and IS_EXTERNAL in metadata:
        return {key: value for key, value in metadata.items() if key != IS_EXTERNAL}
    return metadata


def install(settings: GuardSettings | None = None) -> GuardSettings:
    """Wrap Rasa's MessageProcessor so every channel message goes through one Guard."""
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.processor import MessageProcessor

    settings = settings or GuardSettings.from_environment()
    guard_by_processor: dict[int, Guard] = {}
    handle_message = MessageProcessor.handle_message
    handle_with_tracker = MessageProcessor._handle_message_with_tracker

    def guard_of(processor: MessageProcessor) -> Guard:
        guard = guard_by_processor.get(id(processor))
        if guard is None:
            guard = Guard(settings, shortcuts_from_domain(processor.domain.responses))
            guard_by_processor.clear()  # a new model, a new processor: one guard at a time
            guard_by_processor[id(processor)] = guard
        return guard

    async def guarded_handle_message(self: MessageProcessor, message: Any) -> Any:
        guard = guard_of(self)
        message.metadata = clean_metadata(message.metadata)
        try:
            guard.check_message(message.input_channel or "", message.sender_id, message.text)
            message.text = clean_text(message.text)
            return await handle_message(self, message)
        except Refused as refused:
            language = guard.language_for(message.sender_id, message.text)
            logger.info("refused a message (%s) from %s", refused.reason, message.input_channel)
            await message.output_channel.send_text_message(
                message.sender_id, refusal_text(refused.reason, language, settings)
            )
            if isinstance(message.output_channel, CollectingOutputChannel):
                return message.output_channel.messages
            return None

    async def guarded_handle_with_tracker(
        self: MessageProcessor, message: Any, tracker: Any
    ) -> None:
        guard = guard_of(self)
        if tracker.latest_message is not None and tracker.latest_message.text:
            # The slot once the conversation has begun (before, it is only its initial value).
            guard.remember_language(message.sender_id, tracker.get_slot("language"))
        guard.check_channel(tracker.get_latest_input_channel(), message.input_channel)
        message.metadata = clean_metadata(message.metadata)
        parse_data = message.parse_data or await self.parse_message(message, tracker)
        parse_data = guard.screen(message.text, dict(parse_data))
        for entity in parse_data.get("entities") or []:
            if entity.get("entity") == "language":  # what this message is written in
                guard.remember_language(message.sender_id, entity.get("value"))
        parse_data["metadata"] = clean_metadata(parse_data.get("metadata"))
        message.parse_data = parse_data
        await handle_with_tracker(self, message, tracker)

    MessageProcessor.handle_message = guarded_handle_message  # type: ignore[method-assign]
    MessageProcessor._handle_message_with_tracker = guarded_handle_with_tracker  # type: ignore[method-assign]
    return settings
