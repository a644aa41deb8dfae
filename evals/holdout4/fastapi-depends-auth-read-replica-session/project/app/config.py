import os
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Settings:
    database_url: str
    replica_url: str | None
    max_lines_per_order: int = 50


@lru_cache
def get_settings() -> Settings:
    return Settings(
        database_url=os.environ.get("DATABASE_URL", "sqlite:///./shop.db"),
        replica_url=os.environ.get("DATABASE_REPLICA_URL") or None,
        max_lines_per_order=int(os.environ.get("MAX_LINES_PER_ORDER", "50")),
    )
