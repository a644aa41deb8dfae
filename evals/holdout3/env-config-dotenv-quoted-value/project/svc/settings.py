from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    billing_url: str
    timeout: float
    page_size: int
    account: str | None
    dry_run: bool


def from_env() -> Settings:
    return Settings(
        billing_url=os.environ.get("BILLING_API_URL", "http://localhost:8081/v2"),
        timeout=float(os.environ.get("BILLING_TIMEOUT", "10")),
        page_size=int(os.environ.get("BILLING_PAGE_SIZE", "100")),
        account=os.environ.get("BILLING_ACCOUNT") or None,
        dry_run=os.environ.get("BILLING_DRY_RUN", "0") in ("1", "true", "yes"),
    )
