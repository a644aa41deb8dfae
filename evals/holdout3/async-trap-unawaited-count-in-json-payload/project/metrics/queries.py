from __future__ import annotations

import aiosqlite


async def _scalar(db: aiosqlite.Connection, sql: str, *params: object) -> int:
    async with db.execute(sql, params) as cursor:
        row = await cursor.fetchone()
    return int(row[0] or 0)


async def count_signups(db: aiosqlite.Connection, day: str) -> int:
    return await _scalar(db, "SELECT COUNT(*) FROM users WHERE created_on = ?", day)


async def count_orders(db: aiosqlite.Connection, day: str) -> int:
    return await _scalar(db, "SELECT COUNT(*) FROM orders WHERE placed_on = ?", day)


async def revenue_cents(db: aiosqlite.Connection, day: str) -> int:
    return await _scalar(db, "SELECT SUM(total_cents) FROM orders WHERE placed_on = ?", day)
