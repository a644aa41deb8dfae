"""The worker loop."""

from __future__ import annotations

import asyncio

from worker.jobs import Job, next_job, submit
from worker.render import render


async def consume(limit: int) -> list[str]:
    rendered: list[str] = []
    for _ in range(limit):
        job = await next_job()
        if job is None:
            break
        rendered += await render(job)
    return rendered


async def produce(images: list[str]) -> None:
    for image in images:
        await submit(Job(image))


async def serve(images: list[str]) -> list[str]:
    rendered, _ = await asyncio.gather(consume(len(images)), produce(images))
    return rendered
