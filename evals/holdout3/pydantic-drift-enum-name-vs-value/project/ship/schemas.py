from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from ship.status import ShipmentStatus


class ShipmentEvent(BaseModel):
    id: str
    order_id: int
    carrier: str
    status: ShipmentStatus
    tracking: str | None = None
    updated_at: datetime
