"""Rasa's endpoints and credentials for one run, written from the environment.

Channels other than REST and socket.io (the web chat) are switched on only when their credentials
are in the environment, so the repository holds no secrets and a connector without credentials is
never half-started. The generated files name environment variables (`${VAR}`, which Rasa expands
when it reads them) instead of copying secrets to disk. Standard library only: `tools.stack` imports
it from either environment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Connector:
    """One of Rasa 3.6's messaging connectors: its credentials keys and where they come from."""

    name: str  # the /webhooks/<name>/webhook path, and the key in credentials.yml ...
    platform: str
    required: dict[str, str]  # credentials key -> environment variable
    optional: dict[str, str] = field(default_factory=dict)
    connector_class: str | None = None  # ... unless our own class replaces Rasa's

    @property
    def webhook_path(self) -> str:
        return f"/webhooks/{self.name}/webhook"

    def enabled(self, env: Mapping[str, str]) -> bool:
        return all(env.get(variable) for variable in self.required.values())

    def missing(self, env: Mapping[str, str]) -> list[str]:
        return [variable for variable in self.required.values() if not env.get(variable)]


CONNECTORS: tuple[Connector, ...] = (
    Connector(
        "telegram",
        "Telegram",
        {
            "access_token": "TELEGRAM_ACCESS_TOKEN",
            "verify": "TELEGRAM_BOT_NAME",
            "webhook_url": "TELEGRAM_WEBHOOK_URL",
        },
        # The webhook's secret_token (bot/channels/telegram.py); derived from the access token
        # when unset.
        {"secret_token": "TELEGRAM_SECRET_TOKEN"},
        connector_class="bot.channels.telegram.TelegramInput",
    ),
    Connector(
        "slack",
        "Slack",
        {"slack_token": "SLACK_TOKEN", "slack_signing_secret": "SLACK_SIGNING_SECRET"},
        {"slack_channel": "SLACK_CHANNEL"},
    ),
    Connector(
        "twilio",
        "Twilio (SMS, WhatsApp)",
        {
            "account_sid": "TWILIO_ACCOUNT_SID",
            "auth_token": "TWILIO_AUTH_TOKEN",
            "twilio_number": "TWILIO_NUMBER",
        },
    ),
    Connector(
        "botframework",
        "Microsoft Bot Framework (Teams)",
        {"app_id": "BOTFRAMEWORK_APP_ID", "app_password": "BOTFRAMEWORK_APP_PASSWORD"},
    ),
    Connector(
        "mattermost",
        "Mattermost",
        {
            "url": "MATTERMOST_URL",
            "token": "MATTERMOST_TOKEN",
            "webhook_url": "MATTERMOST_WEBHOOK_URL",
        },
    ),
    Connector(
        "rocketchat",
        "Rocket.Chat",
        {
            "user": "ROCKETCHAT_USER",
            "password": "ROCKETCHAT_PASSWORD",
            "server_url": "ROCKETCHAT_SERVER_URL",
        },
    ),
)


# The socket.io channel for several replicas (bot/channels/socketio.py): LIAISON_SOCKETIO_REDIS.
SHARED_SOCKETIO = "bot.channels.socketio.SocketIOInput"
# The lock store Rasa loads for LIAISON_LOCK_STORE (bot/lock_store.py: correct across replicas).
TICKET_LOCK_STORE = "bot.lock_store.TicketLockStore"


class ConfigError(ValueError):
    pass


def enabled_connectors(env: Mapping[str, str]) -> list[Connector]:
    return [connector for connector in CONNECTORS if connector.enabled(env)]


def credentials_yaml(env: Mapping[str, str]) -> str:
    lines = [
        "# Written by bot/rasa_config.py for this run; edit the environment, not this file.",
        "rest:",
        # With Redis for socket.io, our subclass shares the web chat's rooms across replicas.
        f"{SHARED_SOCKETIO}:" if env.get("LIAISON_SOCKETIO_REDIS") else "socketio:",
        "  user_message_evt: user_uttered",
        "  bot_message_evt: bot_uttered",
        "  session_persistence: true",
    ]
    if env.get("LIAISON_SOCKETIO_REDIS"):
        lines.append("  redis_url: ${LIAISON_SOCKETIO_REDIS}")
    for connector in enabled_connectors(env):
        lines.append(f"{connector.connector_class or connector.name}:")
        keys = {**connector.required, **connector.optional}
        lines += [
            f"  {key}: ${{{variable}}}" for key, variable in keys.items() if env.get(variable)
        ]
    return "\n".join(lines) + "\n"


def _store_yaml(section: str, url: str, password_variable: str, sqlite_default: Path) -> list[str]:
    """A tracker or lock store section from a URL: sqlite:///path, postgresql://..., redis://...
    (Rasa takes the server's host name from the `url` key.)"""
    parts = urlsplit(url)
    scheme = parts.scheme.split("+")[0]
    lines = [f"{section}:"]
    if scheme == "sqlite":
        given = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
        path = Path(given) if given else sqlite_default
        lines += ["  type: SQL", "  dialect: sqlite", f"  db: {path.resolve()}"]
    elif scheme in ("postgresql", "postgres"):
        lines += ["  type: SQL", "  dialect: postgresql"]
        lines += [f"  url: {parts.hostname or 'localhost'}", f"  port: {parts.port or 5432}"]
        lines.append(f"  db: {unquote(parts.path.lstrip('/')) or 'rasa'}")
    elif scheme == "redis":
        lines += ["  type: redis", f"  url: {parts.hostname or 'localhost'}"]
        lines += [f"  port: {parts.port or 6379}", f"  db: {parts.path.lstrip('/') or 0}"]
    else:
        raise ConfigError(
            f"{section} URL '{parts.scheme}://…' is not sqlite:///, postgresql:// or redis://"
        )
    if parts.username:
        lines.append(f"  username: {unquote(parts.username)}")
    if parts.password:
        lines.append(f"  password: ${{{password_variable}}}")
    return lines


def redacted(url: str) -> str:
    """A store URL fit to print: the password replaced by ***."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    return parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@")).geturl()


def store_passwords(env: Mapping[str, str]) -> dict[str, str]:
    """The environment the Rasa process needs for the passwords the generated file names."""
    passwords = {}
    for variable in ("LIAISON_TRACKER_STORE", "LIAISON_LOCK_STORE"):
        password = urlsplit(env.get(variable, "")).password
        if password:
            passwords[f"{variable}_PASSWORD"] = unquote(password)
    return passwords


def endpoints_yaml(env: Mapping[str, str], data_dir: Path) -> str:
    lines = [
        "# Written by bot/rasa_config.py for this run; edit the environment, not this file.",
        "action_endpoint:",
        "  url: ${LIAISON_ACTION_ENDPOINT}",
        # Our actions never read the domain, and it is most of each call's payload. An action
        # that needs it says so in domain.yml: `- action_name: {send_domain: true}`.
        "  enable_selective_domain: true",
    ]
    tracker = env.get("LIAISON_TRACKER_STORE") or f"sqlite:///{(data_dir / 'tracker.db').resolve()}"
    lines += _store_yaml(
        "tracker_store", tracker, "LIAISON_TRACKER_STORE_PASSWORD", data_dir / "tracker.db"
    )
    lock_store = env.get("LIAISON_LOCK_STORE")
    if lock_store:
        if not lock_store.startswith("redis://"):
            raise ConfigError("LIAISON_LOCK_STORE must be a redis:// URL (Rasa's lock stores)")
        section = _store_yaml("lock_store", lock_store, "LIAISON_LOCK_STORE_PASSWORD", data_dir)
        # Rasa's own `type: redis` races between replicas; ours numbers tickets atomically.
        lines += [line.replace("type: redis", f"type: {TICKET_LOCK_STORE}") for line in section]
    return "\n".join(lines) + "\n"


def write_rasa_files(env: Mapping[str, str], data_dir: Path) -> tuple[Path, Path]:
    """(endpoints, credentials) for this run, under <data_dir>/run/."""
    directory = data_dir / "run"
    directory.mkdir(parents=True, exist_ok=True)
    endpoints, credentials = directory / "endpoints.yml", directory / "credentials.yml"
    endpoints.write_text(endpoints_yaml(env, data_dir))
    credentials.write_text(credentials_yaml(env))
    return endpoints, credentials
