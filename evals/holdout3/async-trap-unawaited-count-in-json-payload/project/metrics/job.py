from __future__ import annotations

import asyncio

from metrics.db import connect
from metrics.sinks import dispatch, sent
from metrics.stats import daily_stats

DAYS = ["2024-05-01", "2024-05-02"]


async def main() -> None:
    db = await connect()
    try:
        for day in DAYS:
            stats = await daily_stats(db, day)
            dispatch(stats, ["console", "webhook"])
    finally:
        await db.close()
    print(f"posted {len(sent)} payloads")


if __name__ == "__main__":
    asyncio.run(main())
