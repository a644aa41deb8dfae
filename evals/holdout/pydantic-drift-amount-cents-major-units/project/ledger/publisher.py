"""Billing side: announce captured payments to the rest of the company."""

from __future__ import annotations

from typing import Any

from ledger import bus
from ledger.orders import Order

TOPIC = "billing.payments"


def payment_captured(order: Order, payment_id: str) -> dict[str, Any]:
    return {
        "type": "payment.captured",
        "payment_id": payment_id,
        "order_id": order.id,
        "amount_cents": order.total,
        "currency": order.currency,
        "captured_at": order.paid_at.isoformat(),
    }


def announce(order: Order, payment_id: str) -> None:
    bus.publish(TOPIC, payment_captured(order, payment_id))
