"""Turn shipments into the JSON messages other services consume."""

from __future__ import annotations

import json

from ship.models import Shipment


def to_message(shipment: Shipment) -> dict:
    return {
        "id": shipment.id,
        "order_id": shipment.order_id,
        "carrier": shipment.carrier.upper(),
        "status": shipment.status.name,
        "tracking": shipment.tracking,
        "updated_at": shipment.updated_at.isoformat(),
    }


def encode(shipment: Shipment) -> bytes:
    return json.dumps(to_message(shipment), separators=(",", ":")).encode()
