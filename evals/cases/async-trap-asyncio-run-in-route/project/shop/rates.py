"""Exchange rates from the treasury service (an async client; cached per process)."""

from __future__ import annotations

import asyncio
from decimal import Decimal

# The treasury service is stubbed in-process for local runs.
_TABLE = {("EUR", "USD"): Decimal("1.0842"), ("EUR", "GBP"): Decimal("0.8531")}
_cache: dict[tuple[str, str], Decimal] = {}


async def fetch_rate(base: str, quote: str) -> Decimal:
    key = (base, quote)
    if key not in _cache:
        await asyncio.sleep(0)  # network round trip
        if key not in _TABLE:
            raise LookupError(f"no rate for {base}/{quote}")
        _cache[key] = _TABLE[key]
    return _cache[key]


def convert(amount: Decimal, base: str, quote: str) -> Decimal:
    """Blocking helper for the nightly CLI reports."""
    if base == quote:
        return amount
    rate = asyncio.run(fetch_rate(base, quote))
    return (amount * rate).quantize(Decimal("0.01"))
