"""Order placement."""

from __future__ import annotations

from decimal import Decimal

from shop.db import SessionLocal
from shop.models import Order


class EmptyCart(ValueError):
    pass


def place_order(email: str, lines: list[tuple[str, Decimal, int]]) -> Order:
    """Persist the order; the returned instance outlives the session (used by background jobs)."""
    if not lines:
        raise EmptyCart("cart is empty")
    total = sum((price * qty for _, price, qty in lines), Decimal("0"))
    with SessionLocal() as session:
        order = Order(email=email.strip().lower(), total=total)
        session.add(order)
        session.commit()
    return order


def cancel_order(order_id: int) -> bool:
    with SessionLocal.begin() as session:
        order = session.get(Order, order_id)
        if order is None or order.status != "placed":
            return False
        order.status = "cancelled"
        return True
