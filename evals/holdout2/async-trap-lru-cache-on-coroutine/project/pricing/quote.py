from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pricing.convert import convert


@dataclass(frozen=True)
class CartLine:
    sku: str
    unit_eur: Decimal
    quantity: int = 1


async def quote(lines: list[CartLine], currency: str) -> dict:
    priced = []
    for line in lines:
        unit = await convert(line.unit_eur, currency)
        priced.append({"sku": line.sku, "unit": str(unit), "total": str(unit * line.quantity)})
    total = sum((Decimal(p["total"]) for p in priced), Decimal(0))
    return {"currency": currency, "lines": priced, "total": str(total)}
