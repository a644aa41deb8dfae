"""Import marketplace orders exported as JSON rows."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.customers import find_or_create
from app.orders import add_line, start_order


def import_order(session: Session, row: dict) -> int:
    order = start_order(session, row["source"])
    for item in row["items"]:
        add_line(order, item["sku"], item["qty"], item["unit_cents"])
    customer = find_or_create(session, row["email"])
    order.customer = customer
    order.status = "imported"
    session.flush()
    return order.id


def import_all(session: Session, rows: list[dict]) -> list[int]:
    ids = [import_order(session, row) for row in rows]
    session.commit()
    return ids
