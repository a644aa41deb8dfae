"""What each event type does once it is accepted."""

from __future__ import annotations

from collections import Counter
from typing import Any

seen: Counter[str] = Counter()


def on_payment_succeeded(event: dict[str, Any]) -> str:
    seen["payment"] += 1
    return f"mark invoice {event['data']['invoice']} paid"


def on_payment_failed(event: dict[str, Any]) -> str:
    seen["payment_failed"] += 1
    return f"email customer {event['data']['customer']} about a failed payment"


def on_refund(event: dict[str, Any]) -> str:
    seen["refund"] += 1
    return f"credit {event['data']['amount']} to {event['data']['customer']}"


HANDLERS = {
    "payment.succeeded": on_payment_succeeded,
    "payment.failed": on_payment_failed,
    "refund.created": on_refund,
}
