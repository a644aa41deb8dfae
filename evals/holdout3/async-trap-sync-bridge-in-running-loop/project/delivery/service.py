from __future__ import annotations

import asyncio

from delivery.pricing import Quote, fee_for
from delivery.zones import delivery_zone, delivery_zone_async


async def quote(order: dict) -> Quote:
    zone = delivery_zone(order["postcode"])
    return Quote(order["id"], zone, fee_for(zone, order["basket_cents"]))


async def quote_batch(orders: list[dict]) -> list[Quote]:
    return list(await asyncio.gather(*(quote(o) for o in orders)))
