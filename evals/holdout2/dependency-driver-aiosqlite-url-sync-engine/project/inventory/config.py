"""Settings from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    database_url: str = field(
        default_factory=lambda: os.getenv("INVENTORY_DATABASE_URL", "sqlite+aiosqlite:///./inventory.db")
    )
    low_stock_threshold: int = field(default_factory=lambda: int(os.getenv("LOW_STOCK", "5")))
    warehouse: str = field(default_factory=lambda: os.getenv("WAREHOUSE", "ams-1"))


settings = Settings()
