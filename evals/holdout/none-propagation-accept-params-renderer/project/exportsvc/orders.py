from __future__ import annotations

from datetime import date
from typing import Any

ORDERS: list[dict[str, Any]] = [
    {"id": 5001, "customer": "acme", "placed": date(2024, 6, 1), "total": "129.00"},
    {"id": 5002, "customer": "globex", "placed": date(2024, 6, 1), "total": "18.40"},
    {"id": 5003, "customer": "acme", "placed": date(2024, 6, 2), "total": "72.10"},
]


def orders_for(customer: str | None) -> list[dict[str, Any]]:
    return [o for o in ORDERS if customer is None or o["customer"] == customer]
