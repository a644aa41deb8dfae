"""`python -m fulfil.worker`: process today's carrier pickups."""

from __future__ import annotations

from datetime import datetime

from fulfil.messaging import crm, emails
from fulfil.messaging.bus import Bus
from fulfil.models import Order
from fulfil.shipping import confirm_pickup

PICKUPS = [
    (Order(501, 7, "FO-2024-0501"), "dhl", "JD0146000033"),
    (Order(502, 12, "FO-2024-0502"), "ups", "1Z999AA10123456784"),
]


def main() -> None:
    bus = Bus()
    bus.subscribe("order.shipped", emails.on_order_shipped)
    bus.subscribe("order.shipped", crm.on_order_shipped)
    for order, carrier, tracking in PICKUPS:
        confirm_pickup(bus, order, carrier, tracking, datetime(2024, 6, 3, 14, 30))
    handled = bus.drain()
    print(f"handled {handled} events; {len(emails.OUTBOX)} e-mails queued")


if __name__ == "__main__":
    main()
