"""python -m jobs.worker: enqueue the demo jobs, then work the queue until it is empty."""

from __future__ import annotations

import asyncio
import json
import sys

import aiosqlite

from jobs.db import prepare
from jobs.handlers import HANDLERS
from jobs.queue import claim_next, enqueue, finish


async def drain(conn: aiosqlite.Connection) -> int:
    done = 0
    while (row := await claim_next(conn)) is not None:
        handler = HANDLERS.get(row["kind"])
        if handler is None:
            await finish(conn, row["id"], error=f"no handler for {row['kind']}")
            continue
        print(await handler(json.loads(row["payload"])))
        await finish(conn, row["id"])
        done += 1
    return done


async def main() -> int:
    async with aiosqlite.connect(":memory:") as conn:
        await prepare(conn)
        await enqueue(conn, "email.welcome", {"to": "ada@example.com"})
        await enqueue(conn, "thumbnail", {"image": "uploads/cat.png", "size": [64, 64]})
        print(f"{await drain(conn)} jobs done")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
