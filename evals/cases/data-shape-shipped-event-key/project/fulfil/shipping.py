"""Mark orders as shipped once the carrier has picked them up."""

from __future__ import annotations

from datetime import datetime

from fulfil.events import builders
from fulfil.messaging.bus import Bus
from fulfil.models import Order, Shipment


def confirm_pickup(bus: Bus, order: Order, carrier: str, tracking: str, at: datetime) -> Shipment:
    shipment = Shipment(order.id, carrier, tracking, at)
    bus.publish(builders.order_shipped(order, shipment))
    return shipment
