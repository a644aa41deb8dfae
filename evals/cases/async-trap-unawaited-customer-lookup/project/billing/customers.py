"""Customer lookups with a small per-run cache (one invoice run touches a customer many times)."""

from __future__ import annotations

import aiosqlite

from billing import repository
from billing.models import Customer

_cache: dict[int, Customer] = {}


async def get_customer(conn: aiosqlite.Connection, customer_id: int) -> Customer:
    if customer_id in _cache:
        return _cache[customer_id]
    customer = repository.fetch_customer(conn, customer_id)
    _cache[customer_id] = customer
    return customer


def clear_cache() -> None:
    _cache.clear()
