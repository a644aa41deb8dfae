from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class Subscription:
    id: int
    customer_id: str
    plan: str
    price_cents: int
    currency: str
    renews_on: date
    active: bool = True
