"""Process-wide settings read from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from app.models import Plan


def _bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes"}


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=lambda: os.environ.get("DATABASE_URL", "sqlite:///./app.db"))
    table_prefix: str = field(default_factory=lambda: os.environ.get("TABLE_PREFIX", "acct_"))
    signup_enabled: bool = field(default_factory=lambda: _bool("SIGNUP_ENABLED", True))
    default_plan: Plan = Plan.FREE


settings = Settings()
