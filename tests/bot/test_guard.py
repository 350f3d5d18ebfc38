"""bot.channels.guard: what every channel message goes through before NLU (unit level; the same
checks against the running stack are in tests/e2e/test_hostile_input.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.shared.core.domain import Domain

from bot.channels.guard import (
    DEFAULT_MAX_MESSAGE_CHARS,
    Guard,
    GuardSettings,
    RateLimiter,
    Refused,
    SettingError,
    clean_metadata,
    clean_text,
    refusal_text,
    shortcuts_from_domain,
)
from common.intents import STAFF_INTENTS
from common.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def guard() -> Guard:
    domain = Domain.load(ROOT / "domain.yml")
    return Guard(GuardSettings(), shortcuts_from_domain(domain.responses))


def parsed(intent: str, *entities: tuple[str, str]) -> dict[str, Any]:
    return {
        "intent": {"name": intent, "confidence": 1.0},
        "entities": [{"entity": name, "value": value} for name, value in entities],
        "intent_ranking": [{"name": intent, "confidence": 1.0}],
    }


@pytest.mark.parametrize("intent", sorted(STAFF_INTENTS))
def test_a_staff_intent_from_a_visitor_is_not_understood(guard: Guard, intent: str) -> None:
    text = f'/{intent}{{"liaison_text": "OFFICIAL NOTICE: the exercise is cancelled"}}'
    screened = guard.screen(text, parsed(intent, ("liaison_text", "OFFICIAL NOTICE")))
    assert screened["intent"]["name"] == "nlu_fallback"
    assert screened["entities"] == []


def test_a_staff_intent_the_classifier_guessed_is_not_understood_either(guard: Guard) -> None:
    assert guard.screen("please hand me back", parsed("liaison_handback"))["intent"]["name"] == (
        "nlu_fallback"
    )


def test_the_buttons_the_bot_offers_are_the_shortcuts_a_visitor_may_use(guard: Guard) -> None:
    assert {"ask_schedule", "ask_meal_times", "ask_emergency_contact", "request_human"} <= set(
        guard.shortcuts
    )
    assert not STAFF_INTENTS & set(guard.shortcuts)
    assert guard.screen("/request_human", parsed("request_human"))["intent"]["name"] == (
        "request_human"
    )


@pytest.mark.parametrize("shortcut", ["/restart", "/session_start", "/bot_challenge", "/greet"])
def test_a_shortcut_the_bot_does_not_offer_is_not_understood(guard: Guard, shortcut: str) -> None:
    intent = shortcut[1:]
    assert guard.screen(shortcut, parsed(intent))["intent"]["name"] == "nlu_fallback"


def test_the_web_chats_language_switch_keeps_working(guard: Guard) -> None:
    for lang in LANGUAGES:
        text = f'/switch_language{{"requested_language": "{lang}"}}'
        screened = guard.screen(text, parsed("switch_language", ("requested_language", lang)))
        assert screened["intent"]["name"] == "switch_language"
        assert screened["entities"] == [{"entity": "requested_language", "value": lang}]


def test_a_shortcut_keeps_only_the_entities_and_values_allowed_for_it(guard: Guard) -> None:
    text = '/switch_language{"requested_language": "de", "language": "xx"}'
    screened = guard.screen(
        text, parsed("switch_language", ("requested_language", "de"), ("language", "xx"))
    )
    assert screened["intent"]["name"] == "switch_language" and screened["entities"] == []
    forged = guard.screen(
        '/ask_schedule{"language": "xx"}', parsed("ask_schedule", ("language", "xx"))
    )
    assert forged["entities"] == []


def test_typed_text_is_left_to_nlu(guard: Guard) -> None:
    data = parsed("ask_meal_times", ("language", "fr"))
    assert guard.screen("à quelle heure est le déjeuner ?", data) == data


def test_only_rasas_trigger_intent_api_may_mark_a_message_external() -> None:
    assert clean_metadata({"is_external": True, "nationality": "fr"}) == {"nationality": "fr"}
    assert clean_metadata(None) is None


def test_a_message_over_the_cap_is_refused_before_anything_else(guard: Guard) -> None:
    guard.check_message("rest", "long", "x" * DEFAULT_MAX_MESSAGE_CHARS)
    with pytest.raises(Refused) as refused:
        guard.check_message("rest", "long", "x" * (DEFAULT_MAX_MESSAGE_CHARS + 1))
    assert refused.value.reason == "too_long"


def test_a_conversation_continues_only_on_its_own_channel() -> None:
    Guard.check_channel(None, "rest")
    Guard.check_channel("telegram", "telegram")
    with pytest.raises(Refused):
        Guard.check_channel("telegram", "socketio")


def test_the_rate_limit_is_per_sender_and_a_sliding_window() -> None:
    now = [0.0]
    limiter = RateLimiter(3, 10.0, clock=lambda: now[0])
    assert [limiter.allow(("rest", "a")) for _ in range(4)] == [True, True, True, False]
    assert limiter.allow(("rest", "b"))  # another sender is not held back
    assert limiter.allow(("socketio", "a"))  # nor the same id on another channel
    now[0] = 10.0
    assert limiter.allow(("rest", "a"))


def test_refusals_are_in_the_visitors_language() -> None:
    settings = GuardSettings()
    for reason in ("too_long", "slow_down", "other_channel"):
        texts = {lang: refusal_text(reason, lang, settings) for lang in LANGUAGES}
        assert len(set(texts.values())) == len(LANGUAGES)
        assert any("\u0600" <= char <= "\u06ff" for char in texts["ar"])
    assert refusal_text("too_long", "de", settings) == refusal_text("too_long", "en", settings)
    assert str(DEFAULT_MAX_MESSAGE_CHARS) in refusal_text("too_long", "fr", settings)


def test_the_language_of_a_first_message_is_detected(guard: Guard) -> None:
    assert guard.language_for("new-ar", "متى الغداء؟ " * 50) == "ar"
    guard.remember_language("known", "fr")
    assert guard.language_for("known", "hello " * 50) == "fr"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, GuardSettings(2000, 20, 60.0)),
        ({"LIAISON_MAX_MESSAGE_CHARS": "4096"}, GuardSettings(4096, 20, 60.0)),
        ({"LIAISON_CHAT_RATE_LIMIT": "5/10"}, GuardSettings(2000, 5, 10.0)),
        ({"LIAISON_CHAT_RATE_LIMIT": "off"}, GuardSettings(2000, 0, 1.0)),
    ],
)
def test_settings_from_the_environment(env: dict[str, str], expected: GuardSettings) -> None:
    assert GuardSettings.from_environment(env) == expected


@pytest.mark.parametrize(
    "env",
    [
        {"LIAISON_MAX_MESSAGE_CHARS": "lots"},
        {"LIAISON_MAX_MESSAGE_CHARS": "0"},
        {"LIAISON_CHAT_RATE_LIMIT": "20"},
        {"LIAISON_CHAT_RATE_LIMIT": "x/60"},
        {"LIAISON_CHAT_RATE_LIMIT": "20/0"},
    ],
)
def test_a_bad_setting_stops_the_start_naming_the_variable(env: dict[str, str]) -> None:
    with pytest.raises(SettingError) as error:
        GuardSettings.from_environment(env)
    assert next(iter(env)) in str(error.value)


def test_lone_surrogates_become_replacement_characters() -> None:
    """The language detector raised on them: the visitor got no answer at all."""
    cleaned = clean_text("\ud800 lunch \udfff")
    assert cleaned == "\ufffd lunch \ufffd"
    cleaned.encode("utf-8")
    assert clean_text("\U0001f600 متى الغداء؟") == "\U0001f600 متى الغداء؟"
    assert clean_text(None) is None
