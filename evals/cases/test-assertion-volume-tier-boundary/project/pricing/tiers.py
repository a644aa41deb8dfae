"""Volume discounts for B2B orders: the more units of one SKU, the lower the unit price."""

from __future__ import annotations

from decimal import Decimal

# (minimum quantity, discount rate), highest threshold first.
TIERS: list[tuple[int, Decimal]] = [
    (100, Decimal("0.15")),
    (50, Decimal("0.10")),
    (10, Decimal("0.05")),
]


def tier_rate(quantity: int) -> Decimal:
    for minimum, rate in TIERS:
        if quantity > minimum:
            return rate
    return Decimal("0")
