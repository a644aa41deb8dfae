from __future__ import annotations

from dataclasses import dataclass

ZONE_FEES = {"city": 390, "regional": 690, "national": 990}
FREE_OVER_CENTS = 5_000


@dataclass(frozen=True)
class Quote:
    order_id: str
    zone: str
    fee_cents: int


def fee_for(zone: str, basket_cents: int) -> int:
    if basket_cents >= FREE_OVER_CENTS:
        return 0
    return ZONE_FEES[zone]
