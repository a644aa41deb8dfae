"""Exchange rates, fetched once per process (they change daily)."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import httpx

from pricing.upstream import RATES_URL, transport


class RatesUnavailable(RuntimeError):
    pass


@lru_cache(maxsize=1)
async def fetch_rates(base: str = "EUR") -> dict[str, Decimal]:
    async with httpx.AsyncClient(transport=transport(), timeout=5.0) as client:
        response = await client.get(RATES_URL, params={"base": base})
    if response.status_code != 200:
        raise RatesUnavailable(f"rates provider answered {response.status_code}")
    payload = response.json()
    rates = {code: Decimal(value) for code, value in payload["rates"].items()}
    rates[payload["base"]] = Decimal(1)
    return rates
