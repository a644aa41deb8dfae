"""Sync jobs: pull records from the partner CRM in parallel pages."""

from __future__ import annotations

import asyncio

from crmsync.clients import partner


async def pull(resource: str, pages: int) -> list[dict[str, object]]:
    return await asyncio.gather(*(partner.get(f"/{resource}?page={p}") for p in range(1, pages + 1)))


async def sync_contacts() -> int:
    return len(await pull("contacts", 3))


async def sync_deals() -> int:
    return len(await pull("deals", 3))
