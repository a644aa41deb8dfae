from __future__ import annotations

from shopapp.events import subscribe
from shopapp.mailer import Mailer
from shopapp.models import Order


def render_receipt(order: Order) -> str:
    return f"Thanks for your order #{order.id}.\nTotal paid: EUR {order.total:.2f}\n"


@subscribe("order.paid")
def send_receipt(order: Order, mailer: Mailer) -> None:
    mailer.send(order.customer_email, f"Receipt for order #{order.id}", render_receipt(order))
    order.notes.append("receipt sent")
