from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ship.status import ShipmentStatus


@dataclass
class Shipment:
    id: str
    order_id: int
    carrier: str
    status: ShipmentStatus = ShipmentStatus.PENDING
    updated_at: datetime = field(default_factory=lambda: datetime(2024, 1, 1))
    tracking: str | None = None

    def advance(self, status: ShipmentStatus, at: datetime) -> None:
        self.status = status
        self.updated_at = at
