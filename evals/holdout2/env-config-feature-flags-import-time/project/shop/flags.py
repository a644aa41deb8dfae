"""Feature flags: SHOP_FEATURES is a comma-separated list of enabled feature names."""

from __future__ import annotations

import os


def _load() -> frozenset[str]:
    raw = os.getenv("SHOP_FEATURES", "")
    return frozenset(name.strip().lower() for name in raw.split(",") if name.strip())


ENABLED: frozenset[str] = _load()


def enabled(name: str) -> bool:
    return name.lower() in ENABLED


def describe() -> str:
    return ", ".join(sorted(ENABLED)) or "(none)"
