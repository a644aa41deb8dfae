"""The job model and the in-process job queue shared by producers and workers."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from itertools import count

_ids = count(1)


@dataclass(frozen=True)
class Job:
    image: str
    sizes: tuple[int, ...] = (64, 256)
    id: int = field(default_factory=lambda: next(_ids))


queue: asyncio.Queue[Job] = asyncio.Queue(maxsize=500)


async def submit(job: Job) -> None:
    await queue.put(job)


async def next_job(timeout: float | None = None) -> Job | None:
    try:
        return await asyncio.wait_for(queue.get(), timeout)
    except asyncio.TimeoutError:
        return None
