"""Rendering (the real code shells out to libvips; here we only compute names)."""

from __future__ import annotations

import asyncio
from pathlib import PurePosixPath

from worker.jobs import Job


async def render(job: Job) -> list[str]:
    await asyncio.sleep(0)  # yield like the real subprocess call does
    stem = PurePosixPath(job.image).stem
    return [f"thumbs/{stem}_{size}.webp" for size in job.sizes]
