from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Customer, Invoice


def overdue_invoices(session: Session, today: date) -> Sequence[Mapping[str, Any]]:
    stmt = (
        select(
            Invoice.id,
            Invoice.number,
            Invoice.amount_cents,
            Invoice.due_on,
            Customer.name.label("customer_name"),
            Customer.email,
            Customer.locale,
        )
        .join(Invoice.customer)
        .where(Invoice.paid_on.is_(None), Invoice.due_on < today)
        .order_by(Invoice.due_on)
    )
    return session.execute(stmt).all()


def outstanding_total(session: Session, customer_id: int) -> int:
    stmt = select(Invoice.amount_cents).where(
        Invoice.customer_id == customer_id, Invoice.paid_on.is_(None)
    )
    return sum(session.scalars(stmt))
