"""Customer notifications, run as background tasks after the response is sent."""

from __future__ import annotations

from shop import mailer
from shop.models import Order


def send_confirmation(order: Order) -> None:
    mailer.send(
        to=order.email,
        subject=f"Your order #{order.id}",
        body=f"Thanks! We received your order of {order.total} {order.currency}.",
    )
