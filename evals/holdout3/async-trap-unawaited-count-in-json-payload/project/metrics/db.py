from __future__ import annotations

import aiosqlite

SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY, created_on TEXT NOT NULL);
CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER, placed_on TEXT NOT NULL, total_cents INTEGER);
"""

USERS = [(1, "2024-05-01"), (2, "2024-05-01"), (3, "2024-05-02")]
ORDERS = [(10, 1, "2024-05-01", 2500), (11, 2, "2024-05-02", 1200), (12, 1, "2024-05-02", 990)]


async def connect() -> aiosqlite.Connection:
    db = await aiosqlite.connect(":memory:")
    await db.executescript(SCHEMA)
    await db.executemany("INSERT INTO users VALUES (?, ?)", USERS)
    await db.executemany("INSERT INTO orders VALUES (?, ?, ?, ?)", ORDERS)
    await db.commit()
    return db
