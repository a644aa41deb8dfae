"""Worker entry point: `python -m exports.main`."""

from __future__ import annotations

import asyncio
import logging

from exports.exporter import export_all
from exports.lease import Lease, keepalive
from exports.storage import ObjectStore

BATCHES = {
    f"orders-{day:02d}": [{"id": day * 100 + i, "total": i * 7} for i in range(3)]
    for day in range(1, 6)
}


async def run_worker() -> None:
    lease = Lease(queue="exports", holder="worker-1")
    await lease.acquire()
    store = ObjectStore(throttle_first=2)
    renewals = asyncio.create_task(keepalive(lease))
    work = asyncio.create_task(export_all(store, BATCHES))
    done, _ = await asyncio.wait({renewals, work}, return_when=asyncio.FIRST_COMPLETED)
    renewals.cancel()
    keys = await next(iter(done))  # re-raises whichever task failed first
    print(f"exported {len(keys)} batches")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    asyncio.run(run_worker())
