"""Configuration from the environment."""

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    database_url: str
    secret_key: str | None
    token_ttl: int


def load_settings() -> Settings:
    return Settings(
        database_url=os.environ.get("NOTES_DATABASE_URL", "sqlite:///./notes.db"),
        secret_key=os.environ.get("NOTES_SECRETKEY"),
        token_ttl=int(os.environ.get("NOTES_TOKEN_TTL", "3600")),
    )


settings = load_settings()
