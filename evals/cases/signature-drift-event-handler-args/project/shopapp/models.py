from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Order:
    id: int
    customer_email: str
    total: Decimal
    status: str = "pending"
    loyalty_points: int = 0
    notes: list[str] = field(default_factory=list)
