"""`python -m crmsync.main`: the hourly cron entry point; each job runs to completion in turn."""

from __future__ import annotations

import asyncio

from crmsync import jobs

JOBS = [jobs.sync_contacts, jobs.sync_deals]

if __name__ == "__main__":
    for job in JOBS:
        count = asyncio.run(job())
        print(f"{job.__name__}: {count} pages", flush=True)
