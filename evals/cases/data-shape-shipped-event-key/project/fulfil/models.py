from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Customer:
    id: int
    email: str
    locale: str = "en"


@dataclass
class Order:
    id: int
    customer_id: int
    reference: str


@dataclass(frozen=True)
class Shipment:
    order_id: int
    carrier: str
    tracking_number: str
    shipped_at: datetime
