"""`python -m shopapp.main`: settle the orders confirmed by the payment webhook."""

from __future__ import annotations

from decimal import Decimal

import shopapp.handlers  # noqa: F401  (registers handlers)
from shopapp.models import Order
from shopapp.orders import mark_paid

CONFIRMED = [
    Order(1001, "ana@example.com", Decimal("42.50")),
    Order(1002, "li@example.com", Decimal("18.00")),
]

if __name__ == "__main__":
    for order in CONFIRMED:
        mark_paid(order)
        print(f"order {order.id}: {order.status}, +{order.loyalty_points} points, {order.notes}")
