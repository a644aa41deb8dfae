"""Orders as the checkout service hands them to billing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal


@dataclass(frozen=True)
class Order:
    id: str
    customer_id: str
    total: Decimal  # major units, e.g. Decimal("24.50")
    currency: str
    paid_at: datetime

    @property
    def total_cents(self) -> int:
        return int((self.total * 100).to_integral_value())


def todays_orders() -> list[Order]:
    at = datetime(2024, 5, 2, 9, 30, tzinfo=timezone.utc)
    return [
        Order("ord_1001", "cus_7", Decimal("24.00"), "EUR", at),
        Order("ord_1002", "cus_9", Decimal("24.50"), "EUR", at),
    ]
