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

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'liaison.db').resolve()}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
