from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    billing_api_key: str
    search_api_key: str
    offline: bool


def load() -> Settings:
    return Settings(
        billing_api_key=os.getenv("BILLING_API_KEY", "bill-dev-key"),
        search_api_key=os.getenv("SEARCH_API_KEY", "search-dev-key"),
        offline=os.getenv("PORTAL_OFFLINE", "1") == "1",
    )
