"""Domain events as JSON-ready dicts; the schema is shared with the analytics pipeline."""

from __future__ import annotations

from fulfil.models import Order, Shipment

SCHEMA_VERSION = 3


def order_shipped(order: Order, shipment: Shipment) -> dict[str, object]:
    return {
        "type": "order.shipped",
        "schema_version": SCHEMA_VERSION,
        "order_id": order.id,
        "order_reference": order.reference,
        "customerId": order.customer_id,
        "carrier": shipment.carrier,
        "tracking_number": shipment.tracking_number,
        "shipped_at": shipment.shipped_at.isoformat(),
    }


def order_cancelled(order: Order, reason: str) -> dict[str, object]:
    return {
        "type": "order.cancelled",
        "schema_version": SCHEMA_VERSION,
        "order_id": order.id,
        "reason": reason,
    }
