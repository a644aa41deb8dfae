"""Service settings; the database defaults to a file next to the service."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    database_url: str = os.environ.get("NOTES_DATABASE_URL", "sqlite:///./notes.db")
    page_size_max: int = 100
    api_keys: tuple[str, ...] = ("dev-key",)


settings = Settings()
