"""Customer e-mails triggered by order events."""

from __future__ import annotations

from fulfil import customers

OUTBOX: list[tuple[str, str]] = []

CARRIER_URLS = {
    "dhl": "https://www.dhl.com/track?id={}",
    "ups": "https://www.ups.com/track?tracknum={}",
}


def tracking_url(carrier: str, number: str) -> str:
    return CARRIER_URLS.get(carrier, "https://track.example/{}").format(number)


def on_order_shipped(event: dict) -> None:
    customer = customers.lookup(event["customer_id"])
    url = tracking_url(event["carrier"], event["tracking_number"])
    OUTBOX.append((customer.email, f"Your order {event['order_reference']} is on its way: {url}"))
