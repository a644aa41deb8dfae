"""Thin wrapper over the payment provider's charge API."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

SUPPORTED = {"EUR", "USD", "GBP"}


@dataclass(frozen=True)
class Charge:
    id: str
    customer_id: str
    amount_cents: int
    currency: str


class PaymentError(Exception):
    pass


def charge(
    customer_id: str, amount_cents: int, currency: str, *, idempotency_key: str | None = None
) -> Charge:
    """Charge a stored card; multi-currency since the UK launch."""
    if currency not in SUPPORTED:
        raise PaymentError(f"unsupported currency {currency}")
    if amount_cents <= 0:
        raise PaymentError("amount must be positive")
    key = idempotency_key or f"{customer_id}:{amount_cents}:{currency}"
    return Charge(
        id="ch_" + hashlib.sha1(key.encode()).hexdigest()[:12],
        customer_id=customer_id,
        amount_cents=amount_cents,
        currency=currency,
    )
