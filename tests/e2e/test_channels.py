"""Rasa's messaging connectors end to end: the platform's webhook in, the answer back out to it.

One stack runs with all six connectors switched on by (fake) credentials in its environment, as in
production (bot/rasa_config.py writes credentials.yml naming the variables). For each connector the
test posts what the platform posts — same body shape, and the platform's authentication where Rasa
checks it — to {rasa}/webhooks/<name>/webhook, then waits for the answer at a fake of the platform's
API (tests/e2e/fake_platforms), which checks the credentials the connector presents and records
what it sends. No internet: tests/e2e/fake_platforms/site/sitecustomize.py redirects the client
libraries' hard-coded hosts (api.telegram.org, slack.com, api.twilio.com, login.botframework.com,
login.microsoftonline.com) to the fake inside the Rasa process only; Mattermost's and
Rocket.Chat's server URLs are credentials, so they point at the fake directly.

What Rasa 3.6 authenticates, and so what the negative tests cover:
  Slack           X-Slack-Signature (HMAC-SHA256 of the body with the signing secret) and a
                  timestamp at most 5 minutes old
  Bot Framework   an RS256 JWT bearer token, checked against the JWKS named by the OpenID
                  configuration, with the app id as audience (issuer and serviceUrl claims are
                  not checked by Rasa)
  Telegram        only that getMe's username equals TELEGRAM_BOT_NAME; the webhook itself is not
                  authenticated (no secret_token in aiogram 2.15)
  Twilio          X-Twilio-Signature is sent here as Twilio does, but Rasa does not check it
  Mattermost, Rocket.Chat
                  the outgoing webhook's token is in the payload, but Rasa does not check it

Telegram: Rasa 3.6.21's TelegramInput registers the webhook through asyncio.run() at start-up, and
the aiogram Bot kept the session it opened there, bound to a closed loop, so every update failed
with "Event loop is closed". bot.channels.telegram.TelegramInput (what credentials.yml names) closes
that session inside the start-up loop; this test is what shows the fix works.

Mattermost: Rasa posts the reply without a Content-Type (Mattermost reads the JSON anyway) and
logs "Failed to send message" for Mattermost's normal 201 Created; the message is sent.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from twilio.request_validator import RequestValidator

from bot.channels.telegram import derived_secret
from bot.nlu.language_id import LanguageIdentifier
from bot.rasa_config import CONNECTORS
from tests.e2e.fake_platforms import Accounts, FakePlatforms
from tests.e2e.helpers import (
    ENROL_SENTENCES,
    load_sample_exercise,
    new_enrolment_code,
    response_text,
    stack_config,
)
from tests.packs import SAMPLE_PACK, read_pack, topic_text
from tools.stack import Stack, tail

pytestmark = pytest.mark.e2e

SITE = Path(__file__).resolve().parent / "fake_platforms" / "site"
SAMPLE = read_pack(SAMPLE_PACK)
PUBLIC = "https://liaison.example.org"  # where the platforms would reach Rasa in production
KEY_ID = "liaison-test-key"
SLACK_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TWILIO_NUMBER = "whatsapp:+14155238886"


@dataclass(frozen=True)
class Case:
    connector: str
    topic: str
    lang: str
    question: str  # a phrasing that is not in the training data
    recipient: str  # the chat, channel, conversation or number the answer must go to


CASES = [
    Case("telegram", "meals", "ar", "متى يفتح المطعم للعشاء؟", "731942"),
    Case(
        "slack",
        "prayer_facilities",
        "en",
        "is there somewhere on base I can do my prayers?",
        "D07LIAISON",
    ),
    Case(
        "twilio",
        "emergency_contacts",
        "fr",
        "un collègue s'est blessé, quel numéro appeler ?",
        "whatsapp:+33612345678",
    ),
    Case(
        "botframework",
        "meals",
        "fr",
        "c'est quand le petit-déjeuner le matin ?",
        "a:1teamsPersonalChatWithDupont",
    ),
    Case(
        "mattermost",
        "emergency_contacts",
        "en",
        "someone collapsed, which number do I call?",
        "4xp9fdt7pbgium38k5k6w95oc4",
    ),
    Case("rocketchat", "prayer_facilities", "ar", "هل يوجد مكان للصلاة داخل المعسكر؟", "GENERAL"),
]


@pytest.fixture(scope="module")
def languages() -> LanguageIdentifier:
    return LanguageIdentifier(["ar", "en", "fr"])


@pytest.fixture(scope="module")
def signing_key() -> rsa.RSAPrivateKey:
    """Stands for Microsoft's key: the fake platform publishes its public half as the JWKS."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def accounts(signing_key: rsa.RSAPrivateKey) -> Accounts:
    public_jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(signing_key.public_key()))
    return Accounts(
        telegram_token="7301234567:AAFakeTokenForLiaisonTests_0123456789",
        telegram_bot_name="liaison_test_bot",
        slack_token="xoxb-1111-2222-faketokenfortests",
        twilio_account_sid="AC" + "0123456789abcdef" * 2,
        twilio_auth_token="fedcba9876543210" * 2,
        botframework_app_id=str(uuid.UUID(int=0x11110000222233334444555566667777)),
        botframework_app_password="fake-app-password~for.tests",
        mattermost_token="fakemattermostbottoken0000",
        rocketchat_user="liaison-bot",
        rocketchat_password="fake-rocket-password",
        botframework_jwks={"keys": [{**public_jwk, "kid": KEY_ID, "use": "sig"}]},
    )


@dataclass(frozen=True)
class Context:
    """What a webhook request is built from: the bot's accounts, Microsoft's key, the fake."""

    accounts: Accounts
    key: rsa.RSAPrivateKey
    fake_url: str


@pytest.fixture(scope="module")
def platforms(accounts: Accounts) -> Iterator[FakePlatforms]:
    fake = FakePlatforms(accounts).start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture(scope="module")
def channel_stack(
    tmp_path_factory: pytest.TempPathFactory, platforms: FakePlatforms, accounts: Accounts
) -> Iterator[Stack]:
    workdir = tmp_path_factory.mktemp("channels")
    credentials = {
        "TELEGRAM_ACCESS_TOKEN": accounts.telegram_token,
        "TELEGRAM_BOT_NAME": accounts.telegram_bot_name,
        "TELEGRAM_WEBHOOK_URL": f"{PUBLIC}/webhooks/telegram/webhook",
        "SLACK_TOKEN": accounts.slack_token,
        "SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET,
        "SLACK_CHANNEL": "",  # answer in the channel the message came from
        "TWILIO_ACCOUNT_SID": accounts.twilio_account_sid,
        "TWILIO_AUTH_TOKEN": accounts.twilio_auth_token,
        "TWILIO_NUMBER": TWILIO_NUMBER,
        "BOTFRAMEWORK_APP_ID": accounts.botframework_app_id,
        "BOTFRAMEWORK_APP_PASSWORD": accounts.botframework_app_password,
        "MATTERMOST_URL": f"{platforms.url}/mattermost/api/v4",
        "MATTERMOST_TOKEN": accounts.mattermost_token,
        "MATTERMOST_WEBHOOK_URL": f"{PUBLIC}/webhooks/mattermost/webhook",
        "ROCKETCHAT_USER": accounts.rocketchat_user,
        "ROCKETCHAT_PASSWORD": accounts.rocketchat_password,
        "ROCKETCHAT_SERVER_URL": f"{platforms.url}/rocketchat",
    }
    redirect = {
        "LIAISON_FAKE_PLATFORM_URL": platforms.url,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SITE), os.environ.get("PYTHONPATH")])),
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    config = stack_config(
        workdir, {**load_sample_exercise(workdir / "data"), **credentials, **redirect}
    )
    running = Stack(config)
    running.start()
    try:
        yield running
    finally:
        running.stop()


# --- what each platform posts to its webhook --------------------------------------------------


def _telegram(case: Case, ctx: Context) -> dict[str, Any]:
    user = {"id": int(case.recipient), "is_bot": False, "first_name": "Amina"}
    message = {
        "message_id": 52,
        "from": {**user, "language_code": case.lang},
        "chat": {**user, "type": "private"},
        "date": int(time.time()),
        "text": case.question,
    }
    # Telegram sends the secret_token the webhook was registered with (bot/channels/telegram.py).
    secret = derived_secret(ctx.accounts.telegram_token)
    return {
        "json": {"update_id": 918273645, "message": message},
        "headers": {"X-Telegram-Bot-Api-Secret-Token": secret},
    }


def slack_request(
    event: dict[str, Any], secret: str = SLACK_SIGNING_SECRET, timestamp: int | None = None
) -> dict[str, Any]:
    """An Events API callback, signed the way Slack signs it."""
    body = json.dumps(
        {
            "token": "verification-token-unused",
            "team_id": "T07LIAISON",
            "api_app_id": "A07LIAISON",
            "event": event,
            "type": "event_callback",
            "event_id": f"Ev{uuid.uuid4().hex[:10].upper()}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": "T07LIAISON", "user_id": "U07BOT", "is_bot": True}],
        }
    ).encode()
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256)
    headers = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": f"v0={digest.hexdigest()}",
    }
    return {"content": body, "headers": headers}


def slack_event(channel: str, text: str) -> dict[str, Any]:
    return {
        "type": "message",
        "channel": channel,
        "channel_type": "im",
        "user": "U07VISITOR",
        "text": text,
        "ts": f"{time.time():.6f}",
    }


def _slack(case: Case, ctx: Context) -> dict[str, Any]:
    return slack_request(slack_event(case.recipient, case.question))


def _twilio(case: Case, ctx: Context) -> dict[str, Any]:
    form = {
        "SmsMessageSid": "SM" + "5" * 32,
        "NumMedia": "0",
        "ProfileName": "Capt. Leroy",
        "SmsSid": "SM" + "5" * 32,
        "WaId": case.recipient.removeprefix("whatsapp:+"),
        "SmsStatus": "received",
        "Body": case.question,
        "To": TWILIO_NUMBER,
        "NumSegments": "1",
        "MessageSid": "SM" + "5" * 32,
        "AccountSid": ctx.accounts.twilio_account_sid,
        "From": case.recipient,
        "ApiVersion": "2010-04-01",
    }
    signature = RequestValidator(ctx.accounts.twilio_auth_token).compute_signature(
        f"{PUBLIC}/webhooks/twilio/webhook", form
    )
    return {"data": form, "headers": {"X-Twilio-Signature": signature}}


def botframework_token(
    key: rsa.RSAPrivateKey, audience: str, service_url: str, key_id: str = KEY_ID
) -> str:
    now = int(time.time())
    claims = {
        "iss": "https://api.botframework.com",
        "aud": audience,
        "serviceurl": service_url,
        "nbf": now - 5,
        "iat": now - 5,
        "exp": now + 3600,
    }
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": key_id})


def botframework_activity(conversation: str, text: str, service_url: str, app_id: str) -> Any:
    """A Teams personal-chat message activity, as the Bot Connector service posts it."""
    return {
        "type": "message",
        "id": f"1{int(time.time() * 1000)}",
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": "29:1visitorDupontAadId", "name": "Capt. Dupont"},
        "conversation": {"conversationType": "personal", "tenantId": "t-1", "id": conversation},
        "recipient": {"id": f"28:{app_id}", "name": "Liaison"},
        "textFormat": "plain",
        "locale": "fr-FR",
        "text": text,
        "channelData": {"tenant": {"id": "t-1"}},
    }


def _botframework(case: Case, ctx: Context) -> dict[str, Any]:
    service_url = f"{ctx.fake_url}/botframework/smba/emea/"
    app_id = ctx.accounts.botframework_app_id
    token = botframework_token(ctx.key, app_id, service_url)
    return {
        "json": botframework_activity(case.recipient, case.question, service_url, app_id),
        "headers": {"Authorization": f"Bearer {token}"},
    }


def _mattermost(case: Case, ctx: Context) -> dict[str, Any]:
    return {
        "json": {
            "token": "outgoing-webhook-token-unchecked",
            "team_id": "rdc9bgriktyx9p4kowh3dmgqyc",
            "team_domain": "exercise",
            "channel_id": case.recipient,
            "channel_name": "liaison",
            "timestamp": int(time.time() * 1000),
            "user_id": "rnina9994bde8mua79zqcg5hmo",
            "user_name": "maj.jones",
            "post_id": "gy3w8ff8sfgtkr8ghrpqbswjtr",
            "text": f"@liaison {case.question}",
            "trigger_word": "@liaison",
            "file_ids": "",
        }
    }


def _rocketchat(case: Case, ctx: Context) -> dict[str, Any]:
    return {
        "json": {
            "token": "outgoing-integration-token-unchecked",
            "bot": False,
            "channel_id": case.recipient,
            "channel_name": "general",
            "message_id": "dNLe7XzYqRbYFvvJQ",
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
            "user_id": "hw5DThnhQmxDWnavu",
            "user_name": "lt.haddad",
            "text": case.question,
            "siteUrl": "https://chat.example.org",
        }
    }


WEBHOOK_REQUESTS: dict[str, Callable[[Case, Context], dict[str, Any]]] = {
    "telegram": _telegram,
    "slack": _slack,
    "twilio": _twilio,
    "botframework": _botframework,
    "mattermost": _mattermost,
    "rocketchat": _rocketchat,
}


def case_id(case: Case) -> str:
    return f"{case.connector}-{case.lang}"


def post_webhook(stack: Stack, connector: str, request: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{stack.url('rasa')}/webhooks/{connector}/webhook", timeout=60, **request)


def explain(stack: Stack, platforms: FakePlatforms) -> str:
    return (
        f"\nrequests to the fake platforms:\n{platforms.log()}"
        f"\nlast lines of the Rasa log:\n{tail(stack.services['rasa'].log_path, 40)}"
    )


# --- tests ------------------------------------------------------------------------------------


def test_every_connector_is_covered_in_all_three_languages() -> None:
    cases = [getattr(case, "values", [case])[0] for case in CASES]
    assert {c.connector for c in cases} == {c.name for c in CONNECTORS} == set(WEBHOOK_REQUESTS)
    assert {c.lang for c in cases} == {"ar", "en", "fr"}


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_question_on_a_platform_is_answered_there_in_the_askers_language(
    channel_stack: Stack,
    platforms: FakePlatforms,
    accounts: Accounts,
    signing_key: rsa.RSAPrivateKey,
    languages: LanguageIdentifier,
    case: Case,
) -> None:
    context = Context(accounts, signing_key, platforms.url)
    # Meals and prayer rooms are for participants (issue 19): the visitor first sends a code
    # made with the real CLI, on the same platform, and is told they are enrolled.
    code = new_enrolment_code(channel_stack, "nmk")
    enrol = replace(case, question=ENROL_SENTENCES[case.lang].format(code=code))
    enrolled = post_webhook(
        channel_stack, case.connector, WEBHOOK_REQUESTS[case.connector](enrol, context)
    )
    assert enrolled.status_code in (200, 204), enrolled.text + explain(channel_stack, platforms)
    [confirmation] = platforms.wait_for(case.connector, case.recipient, count=1, timeout=60)
    assert confirmation.text != response_text("utter_enrol_invalid", case.lang)

    request = WEBHOOK_REQUESTS[case.connector](case, context)
    response = post_webhook(channel_stack, case.connector, request)

    assert response.status_code in (200, 204), response.text + explain(channel_stack, platforms)
    # Each connector sends a reply's paragraphs as separate messages.
    expected = [
        part
        for text in topic_text(SAMPLE, case.topic, case.lang)
        for part in text.strip().split("\n\n")
    ]
    sent = platforms.wait_for(case.connector, case.recipient, count=1 + len(expected), timeout=60)
    texts = [message.text for message in sent[1:]]
    assert texts == expected, explain(channel_stack, platforms)
    assert all(text.strip() for text in texts)
    assert languages.identify(" ".join(texts)) == case.lang, texts


def test_telegram_webhook_is_registered_with_telegram_at_start(
    channel_stack: Stack, platforms: FakePlatforms
) -> None:
    assert platforms.telegram_webhooks == [f"{PUBLIC}/webhooks/telegram/webhook"]


def test_telegram_webhook_is_registered_with_a_secret_token(
    channel_stack: Stack, platforms: FakePlatforms, accounts: Accounts
) -> None:
    assert platforms.telegram_webhook_secrets == [derived_secret(accounts.telegram_token)]


@pytest.mark.parametrize("header", [None, "a-guess"], ids=["no-secret", "wrong-secret"])
def test_telegram_webhook_refuses_an_update_without_its_secret_token(
    channel_stack: Stack,
    platforms: FakePlatforms,
    accounts: Accounts,
    signing_key: rsa.RSAPrivateKey,
    header: str | None,
) -> None:
    """Anyone who knows the webhook's URL could otherwise post as any Telegram chat."""
    case = Case("telegram", "meals", "en", "when is dinner?", "5550001")
    request = _telegram(case, Context(accounts, signing_key, platforms.url))
    request["headers"] = {"X-Telegram-Bot-Api-Secret-Token": header} if header else {}

    response = post_webhook(channel_stack, "telegram", request)

    assert response.status_code == 403, response.text
    assert platforms.wait_for("telegram", case.recipient, timeout=2) == []


def _signed_slack(content: bytes) -> dict[str, Any]:
    stamp = str(int(time.time()))
    digest = hmac.new(
        SLACK_SIGNING_SECRET.encode(), f"v0:{stamp}:".encode() + content, hashlib.sha256
    )
    headers = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": f"v0={digest.hexdigest()}",
    }
    return {"content": content, "headers": headers}


def malformed_requests(accounts: Accounts) -> list[tuple[str, dict[str, Any]]]:
    """(connector, request) pairs each connector must refuse with a 4xx: a JSON array (Rasa 3.6
    answered 500 on Telegram, Slack, Mattermost and Rocket.Chat), a string, text that is not
    JSON, an object of the wrong shape; authenticated where the connector checks it, so that
    the body, not the credentials, is what is refused."""
    telegram = {"X-Telegram-Bot-Api-Secret-Token": derived_secret(accounts.telegram_token)}
    requests: list[tuple[str, dict[str, Any]]] = []
    for raw in (b"[]", b'"text"', b"{not json", b"[1, 2]"):
        json_header = {"Content-Type": "application/json"}
        requests += [
            ("telegram", {"content": raw, "headers": {**json_header, **telegram}}),
            ("slack", _signed_slack(raw)),
            ("mattermost", {"content": raw, "headers": json_header}),
            ("rocketchat", {"content": raw, "headers": json_header}),
            ("botframework", {"content": raw, "headers": json_header}),
            ("twilio", {"content": raw, "headers": json_header}),
        ]
    requests += [
        ("telegram", {"json": {"update_id": "x", "message": []}, "headers": telegram}),
        ("twilio", {"data": {"From": "whatsapp:+33600000000"}}),  # no Body: Rasa answered 500
        ("mattermost", {"json": {"trigger_word": "@liaison", "text": 3, "user_id": "u"}}),
        ("rocketchat", {"json": {"visitor": {}, "messages": []}}),
    ]
    return requests


def test_every_connector_refuses_a_malformed_body_with_a_4xx(
    channel_stack: Stack, accounts: Accounts
) -> None:
    answers = []
    for connector, request in malformed_requests(accounts):
        response = post_webhook(channel_stack, connector, request)
        answers.append((connector, request.get("content"), response.status_code, response.text))
    wrong = [answer for answer in answers if not 400 <= answer[2] < 500]
    assert wrong == [], wrong
    # Each refusal says what is wrong (the connector's own refusals, e.g. a missing token, too).
    assert all(text.strip() for *_, text in answers)


@pytest.mark.parametrize(
    "secret,age",
    [("not-the-signing-secret", 0), (SLACK_SIGNING_SECRET, 6 * 60)],
    ids=["wrong-secret", "replayed-after-5-minutes"],
)
def test_slack_webhook_refuses_a_request_slack_did_not_sign_just_now(
    channel_stack: Stack, platforms: FakePlatforms, secret: str, age: int
) -> None:
    channel = f"D07FORGED{age}"
    event = slack_event(channel, "what time do they serve dinner here?")
    request = slack_request(event, secret, timestamp=int(time.time()) - age)

    response = post_webhook(channel_stack, "slack", request)

    assert response.status_code == 400, response.text
    assert platforms.wait_for("slack", channel, timeout=2) == []


@pytest.mark.parametrize("forgery", ["other-key", "other-audience", "no-token"])
def test_botframework_webhook_refuses_a_token_microsoft_did_not_issue_for_this_bot(
    channel_stack: Stack,
    platforms: FakePlatforms,
    accounts: Accounts,
    signing_key: rsa.RSAPrivateKey,
    forgery: str,
) -> None:
    service_url = f"{platforms.url}/botframework/smba/emea/"
    conversation = f"a:1forged-{forgery}"
    app_id = accounts.botframework_app_id
    tokens = {
        # Same key id as Microsoft's, but not the key the JWKS publishes.
        "other-key": botframework_token(
            rsa.generate_private_key(public_exponent=65537, key_size=2048), app_id, service_url
        ),
        # Microsoft's key, but issued for another bot.
        "other-audience": botframework_token(signing_key, "another-bots-app-id", service_url),
    }
    headers = {"Authorization": f"Bearer {tokens[forgery]}"} if forgery in tokens else {}
    activity = botframework_activity(conversation, "where can I pray?", service_url, app_id)

    response = post_webhook(channel_stack, "botframework", {"json": activity, "headers": headers})

    assert response.status_code == 401, response.text
    assert platforms.wait_for("botframework", conversation, timeout=2) == []
