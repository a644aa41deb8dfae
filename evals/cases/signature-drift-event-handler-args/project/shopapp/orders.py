"""Order state transitions."""

from __future__ import annotations

from shopapp import events
from shopapp.models import Order


class InvalidTransition(Exception):
    pass


def mark_paid(order: Order) -> Order:
    if order.status != "pending":
        raise InvalidTransition(f"order {order.id} is {order.status}")
    order.status = "paid"
    events.emit("order.paid", order)
    return order
