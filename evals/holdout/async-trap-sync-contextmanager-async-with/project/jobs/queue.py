"""Enqueue and claim jobs."""

from __future__ import annotations

import json
from typing import Any

import aiosqlite

from jobs.db import transaction


async def enqueue(conn: aiosqlite.Connection, kind: str, payload: dict[str, Any]) -> int:
    async with transaction(conn):
        cursor = await conn.execute(
            "INSERT INTO jobs (kind, payload) VALUES (?, ?)", (kind, json.dumps(payload))
        )
        return cursor.lastrowid or 0


async def claim_next(conn: aiosqlite.Connection) -> aiosqlite.Row | None:
    async with transaction(conn):
        cursor = await conn.execute(
            "SELECT * FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1"
        )
        row = await cursor.fetchone()
        if row is not None:
            await conn.execute(
                "UPDATE jobs SET state = 'running', attempts = attempts + 1 WHERE id = ?",
                (row["id"],),
            )
        return row


async def finish(conn: aiosqlite.Connection, job_id: int, error: str | None = None) -> None:
    state = "failed" if error else "done"
    await conn.execute(
        "UPDATE jobs SET state = ?, last_error = ? WHERE id = ?", (state, error, job_id)
    )
    await conn.commit()
