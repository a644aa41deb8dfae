from __future__ import annotations

import time


class TTLCache:
    """Small in-process stand-in for the Redis client used in production (same get/setex API)."""

    def __init__(self, clock=time.monotonic) -> None:
        self._clock = clock
        self._entries: dict[str, tuple[float, str]] = {}

    def get(self, key: str) -> str | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        expires_at, value = entry
        if expires_at <= self._clock():
            del self._entries[key]
            return None
        return value

    def setex(self, key: str, seconds: int, value: str) -> None:
        self._entries[key] = (self._clock() + seconds, value)

    def delete(self, key: str) -> None:
        self._entries.pop(key, None)


cache = TTLCache()
