"""First payment when a customer subscribes (updated for multi-currency)."""

from __future__ import annotations

from subs import gateway
from subs.models import Subscription


def start_subscription(sub: Subscription) -> gateway.Charge:
    return gateway.charge(
        sub.customer_id, sub.price_cents, sub.currency, idempotency_key=f"start-{sub.id}"
    )
