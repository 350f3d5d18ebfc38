"""Service settings, read from the environment (documented in README)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import Engine

from common.channels import PUSH_CHANNELS
from lookup.store.database import MAX_OVERFLOW, POOL_SIZE, make_engine


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LIAISON_", extra="ignore")

    data_dir: Path = Field(
        default=Path("var"), description="Where the embedded SQLite database lives."
    )
    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("DATABASE_URL", "LIAISON_DATABASE_URL"),
        description="SQLAlchemy URL; SQLite under data_dir when unset.",
    )
    db_pool_size: int = Field(
        default=POOL_SIZE, ge=1, description="Database connections kept open for requests."
    )
    db_max_overflow: int = Field(
        default=MAX_OVERFLOW,
        ge=0,
        description="Connections opened beyond the pool under load. Requests beyond pool + "
        "overflow - 2 wait their turn (lookup/request_slots.py).",
    )
    max_body_bytes: int = Field(
        default=64 * 1024,
        ge=1024,
        description="Largest request body accepted (413 beyond it; /console/login takes 4 KiB, "
        "/v1/handoffs 1 MiB for its transcript; lookup/request_slots.py).",
    )
    request_body_timeout: float = Field(
        default=15,
        gt=0,
        description="Seconds a client has to send its whole request body (408 after): a slow "
        "or stalled upload never holds a request slot.",
    )
    exercise_id: str | None = Field(
        default=None,
        description="Exercise to serve when the database holds several; the only one otherwise.",
    )
    read_cache_entries: int = Field(
        default=4096,
        ge=0,
        description="Knowledge answers kept per process by the read cache (lookup/read_cache.py); "
        "0 turns the cache off.",
    )
    read_cache_staleness_ms: float = Field(
        default=0,
        ge=0,
        description="0: every read checks the knowledge version (one query, shared by the reads "
        "arriving meanwhile) and sees every write committed before it began, in any process. "
        "N > 0: a check younger than N ms is reused, so a read may miss another process's "
        "writes of the last N ms.",
    )
    sqlite_synchronous: Literal["NORMAL", "FULL"] = Field(
        default="NORMAL",
        description="SQLite only. NORMAL: the write-ahead log is synced at checkpoints; a commit "
        "survives the service's crash, a power cut may lose the last commits (never the "
        "database's consistency). FULL: every commit is synced, survives a power cut, and costs "
        "an fsync each (docs/deploy.md).",
    )
    migrate_on_start: bool = Field(
        default=True,
        description="Bring the database's schema to the latest migration when the service starts "
        "(one process: `make run`). Off (0) with several replicas, which would race: a deploy step "
        "(`liaison migrate`) migrates first, and a replica on a schema that is not this code's "
        "refuses to start, saying what to run.",
    )
    docs: bool = Field(
        default=False,
        description="Serve the API docs page at /docs (Swagger UI from the fastapi-offline "
        "package, nothing from outside). Off by default: a development aid.",
    )

    admin_tokens: str = Field(
        default="",
        description="Admin API bearer tokens as 'name:token,name:token'; the name is what the "
        "audit log records. Empty: the admin API is disabled.",
    )
    admin_tokens_file: Path | None = Field(
        default=None,
        description="A file with one 'name:token' per line, added to admin_tokens "
        "(default: admin-tokens in data_dir, which `make run` creates).",
    )

    service_token: str = Field(
        default="",
        description="The action server's bearer token for /v1 (intake and reads); at least 16 "
        "characters. Empty: read from service_token_file. `make run` makes one per run.",
    )
    service_token_file: Path | None = Field(
        default=None,
        description="A file holding the service token (default: service-token in data_dir, if "
        "it exists). Neither set: only admin tokens can read /v1, and intake answers 503.",
    )
    intake_per_address_per_minute: int = Field(
        default=1200,
        ge=1,
        description="Intake requests (/v1/visitors, /v1/handoffs, /v1/unanswered) allowed per "
        "client address per minute without the service token; once spent, every request "
        "from the address waits, the right token's too (lookup/rate_limit.py).",
    )
    intake_per_sender_per_minute: int = Field(
        default=30,
        ge=1,
        description="Intake writes allowed per visitor, (channel, sender), per minute.",
    )
    enrolment_failures_per_sender_per_hour: int = Field(
        default=5,
        ge=1,
        description="Wrong enrolment codes a visitor, (channel, sender), may send per hour; past "
        "it, every code (even a right one) is refused until the hour has gone by (issue 19).",
    )
    enrolment_failures_per_hour: int = Field(
        default=200,
        ge=1,
        description="Wrong enrolment codes all visitors together may send per hour: web chat "
        "sender ids are the browser's choice, so the per-sender budget alone does not bound "
        "guessing. Both budgets are counted in the database, shared by every replica.",
    )

    # Liaison console, handoffs and announcements (docs/console.md).
    secret_key: str | None = Field(
        default=None,
        description="Signs the console's session cookies; several replicas must share it. "
        "Unset: generated once into secret-key in data_dir (private).",
    )
    console_secure_cookie: bool = Field(
        default=False,
        description="Send the console's session cookie over HTTPS only (set behind TLS).",
    )
    console_session_hours: float = Field(
        default=12, gt=0, description="A console login lasts this long."
    )
    login_max_failures: int = Field(
        default=5,
        ge=1,
        description="Wrong passwords allowed per username and client address in "
        "login_lockout_seconds before that pair is locked out (attempts are counted before "
        "the password is checked).",
    )
    login_lockout_seconds: float = Field(
        default=300,
        gt=0,
        description="See login_max_failures; each further lockout of the same username and "
        "address lasts twice as long (at most a day).",
    )
    login_max_per_address: int = Field(
        default=30,
        ge=1,
        description="Sign-in attempts one client address may make in login_lockout_seconds, "
        "whatever the usernames (lookup/console/throttle.py).",
    )
    rasa_url: str = Field(
        default="http://127.0.0.1:5005",
        description="Rasa's HTTP API (started with --enable-api), for officer replies, hand-backs "
        "and announcements.",
    )
    rasa_token: str | None = Field(
        default=None, description="Rasa's --auth-token, sent as ?token= when set."
    )
    rasa_timeout: float = Field(default=10, gt=0, description="Seconds per call to Rasa.")
    duty_hours: str = Field(
        default="07:00-22:00",
        pattern=r"^\s*([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d"
        r"(\s*,\s*([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d)*\s*$",
        description="When the liaison team answers handoffs, in the exercise's time zone: "
        "'HH:MM-HH:MM[,HH:MM-HH:MM...]' (a window ends the day it starts; '00:00-24:00' is "
        "all day).",
    )
    duty_days: str = Field(
        default="mon,tue,wed,thu,fri,sat,sun",
        pattern=r"^\s*(mon|tue|wed|thu|fri|sat|sun)(\s*,\s*(mon|tue|wed|thu|fri|sat|sun))*\s*$",
        description="Days the duty hours apply to, comma-separated.",
    )
    handoff_reply_minutes: int = Field(
        default=15, ge=1, description="How soon, on duty, visitors are told a person will answer."
    )
    push_channels: str = Field(
        default=",".join(PUSH_CHANNELS),
        description="Channels announcements go to: visitors who last used one of these. Only "
        "channels that can push a message unprompted (common.channels.PUSH_CHANNELS; rest, "
        "cmdline and callback cannot); this narrows that list, e.g. to keep SMS costs down.",
    )
    delivery_max_attempts: int = Field(
        default=5, ge=1, description="Tries per announcement recipient before it is failed."
    )
    delivery_retry_seconds: float = Field(
        default=30,
        gt=0,
        description="Wait before the first retry of a failed delivery; doubled each time.",
    )
    delivery_poll_seconds: float = Field(
        default=5, gt=0, description="How often the delivery worker looks for due deliveries."
    )

    @field_validator("push_channels")
    @classmethod
    def _only_channels_that_can_push(cls, value: str) -> str:
        named = [name.strip() for name in value.split(",") if name.strip()]
        cannot = [name for name in named if name not in PUSH_CHANNELS]
        if cannot:
            raise ValueError(
                f"{', '.join(cannot)} cannot push a message; channels that can: "
                + ", ".join(PUSH_CHANNELS)
            )
        return value

    def admin_token_names(self) -> dict[str, str]:
        """token -> name of whoever holds it."""
        entries = [e for e in self.admin_tokens.split(",") if e.strip()]
        tokens_file = self.admin_tokens_file or self.data_dir / "admin-tokens"
        if tokens_file.exists():
            entries += [line for line in tokens_file.read_text().splitlines() if line.strip()]
        tokens = {}
        for entry in entries:
            name, separator, token = entry.strip().partition(":")
            if not separator or not name or len(token) < 16:
                raise ValueError(
                    "admin tokens are 'name:token' with a token of at least 16 characters"
                )
            tokens[token] = name
        return tokens

    def service_token_value(self) -> str | None:
        """The action server's token, or None when none is configured."""
        token = self.service_token.strip()
        token_file = self.service_token_file or self.data_dir / "service-token"
        if not token and token_file.exists():
            token = token_file.read_text().strip()
        if token and len(token) < 16:
            raise ValueError("the service token must be at least 16 characters")
        return token or None

    def engine(self, *, migrate_schema: bool = True) -> Engine:
        """The database these settings name, as every process of the service opens it."""
        return make_engine(
            self.sqlalchemy_url,
            migrate_schema=migrate_schema,
            pool_size=self.db_pool_size,
            max_overflow=self.db_max_overflow,
            sqlite_synchronous=self.sqlite_synchronous,
        )

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'liaison.db').resolve()}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
