"""Checks run before the worker starts serving."""

from __future__ import annotations

import logging

from worker.jobs import next_job

log = logging.getLogger(__name__)


async def stale_jobs_left(timeout: float = 0.01) -> bool:
    """A job still queued from the previous run means the last shutdown was not clean."""
    job = await next_job(timeout)
    if job is not None:
        log.warning("stale job %s found in the queue", job.id)
    return job is not None
