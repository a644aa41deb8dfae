from __future__ import annotations

import aiosqlite

from metrics.queries import count_orders, count_signups, revenue_cents


async def daily_stats(db: aiosqlite.Connection, day: str) -> dict:
    signups = await count_signups(db, day)
    return {
        "day": day,
        "signups": signups,
        "orders": count_orders(db, day),
        "revenue_cents": await revenue_cents(db, day),
    }
