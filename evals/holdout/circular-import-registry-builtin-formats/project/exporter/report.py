"""The monthly revenue report rows."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

COLUMNS = ("month", "region", "orders", "revenue")


def revenue_rows() -> Iterator[dict[str, Any]]:
    data = [
        ("2024-04", "EU", 412, Decimal("18234.50")),
        ("2024-04", "US", 655, Decimal("30111.00")),
        ("2024-05", "EU", 398, Decimal("17650.25")),
    ]
    for month, region, orders, revenue in data:
        yield {"month": month, "region": region, "orders": orders, "revenue": revenue}
