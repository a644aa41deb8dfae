from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import Order, OrderLine


def start_order(session: Session, source: str) -> Order:
    order = Order(status="draft", source=source, total_cents=0)
    session.add(order)
    return order


def add_line(order: Order, sku: str, quantity: int, unit_cents: int) -> None:
    order.lines.append(OrderLine(sku=sku, quantity=quantity, unit_cents=unit_cents))
    order.total_cents += quantity * unit_cents
