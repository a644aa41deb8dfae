"""A time-limited lease on a job queue: only the holder may process its jobs."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass


class LeaseExpired(RuntimeError):
    pass


@dataclass
class Lease:
    queue: str
    holder: str
    ttl: float = 0.3
    expires_at: float = 0.0

    async def acquire(self) -> None:
        self.expires_at = asyncio.get_running_loop().time() + self.ttl

    async def renew(self) -> None:
        await asyncio.sleep(0.005)  # round trip to the coordination store
        # The store refuses a renewal that arrives after expiry: another worker may own the queue.
        if asyncio.get_running_loop().time() > self.expires_at:
            raise LeaseExpired(
                f"lease {self.queue}/{self.holder} expired before renewal (ttl {self.ttl}s)"
            )
        self.expires_at = asyncio.get_running_loop().time() + self.ttl


async def keepalive(lease: Lease, interval: float = 0.1) -> None:
    while True:
        await asyncio.sleep(interval)
        await lease.renew()
