"""Object-store client; the test double reproduces the store's throttling under load."""

from __future__ import annotations

import asyncio


class SlowDown(Exception):
    """HTTP 503 from the object store: retry with backoff."""


class ObjectStore:
    def __init__(self, throttle_first: int = 0) -> None:
        self.objects: dict[str, bytes] = {}
        self._throttle = throttle_first

    async def put(self, key: str, body: bytes) -> None:
        await asyncio.sleep(0.005)
        if self._throttle > 0:
            self._throttle -= 1
            raise SlowDown(f"503 Slow Down: {key}")
        self.objects[key] = body
