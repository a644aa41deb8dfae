"""Entry point: `python -m billing.main`."""

from __future__ import annotations

import asyncio
import logging

from billing import db
from billing.invoices import run_invoicing


async def run() -> None:
    conn = await db.connect()
    try:
        outbox: list[str] = []
        count = await run_invoicing(conn, outbox)
        print(f"queued {count} invoices")
    finally:
        await conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    asyncio.run(run())
