from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel

from orders.models import Order


class ItemOut(BaseModel):
    sku: str
    quantity: int
    unit_price: Decimal


class OrderOut(BaseModel):
    id: int
    customer_email: str
    status: str
    items: list[ItemOut]
    total: Decimal


def order_out(order: Order) -> OrderOut:
    items = [
        ItemOut(sku=i.sku, quantity=i.quantity, unit_price=i.unit_price) for i in order.items
    ]
    total = sum((i.unit_price * i.quantity for i in items), Decimal("0"))
    return OrderOut(
        id=order.id,
        customer_email=order.customer.email,
        status=order.status,
        items=items,
        total=total,
    )
