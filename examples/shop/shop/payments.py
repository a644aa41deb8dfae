"""A stand-in for the payment provider's client."""

from dataclasses import dataclass
from itertools import count

_ids = count(1)


@dataclass
class Payment:
    id: str
    customer: str
    amount_cents: int
    currency: str


class PaymentError(Exception):
    pass


def charge(customer_id: str, amount_cents: int, currency: str) -> Payment:
    """Charge a stored card of the provider's customer."""
    if not customer_id.startswith("cus_"):
        raise PaymentError(f"not a provider customer id: {customer_id!r}")
    return Payment(f"pay_{next(_ids):06d}", customer_id, amount_cents, currency)
