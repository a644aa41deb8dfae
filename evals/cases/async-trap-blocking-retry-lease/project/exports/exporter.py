"""Nightly export: serialise each batch of rows and upload it."""

from __future__ import annotations

import json

from exports.retry import with_retry
from exports.storage import ObjectStore


async def export_batch(store: ObjectStore, name: str, rows: list[dict]) -> str:
    key = f"exports/{name}.jsonl"
    body = "\n".join(json.dumps(row, sort_keys=True) for row in rows).encode()
    await with_retry(lambda: store.put(key, body))
    return key


async def export_all(store: ObjectStore, batches: dict[str, list[dict]]) -> list[str]:
    return [await export_batch(store, name, rows) for name, rows in batches.items()]
