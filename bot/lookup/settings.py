"""Service settings, read from the environment (documented in README)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    exercise_id: str | None = Field(
        default=None,
        description="Exercise to serve when the database holds several; the only one otherwise.",
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

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'liaison.db').resolve()}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
