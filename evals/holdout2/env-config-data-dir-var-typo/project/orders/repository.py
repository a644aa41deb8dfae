"""Queries used by the API."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from orders import settings
from orders.models import Customer, Order


def page_of_orders(session: Session, page: int = 1) -> list[Order]:
    stmt = (
        select(Order)
        .order_by(Order.placed_at.desc())
        .limit(settings.PAGE_SIZE)
        .offset((page - 1) * settings.PAGE_SIZE)
    )
    return list(session.scalars(stmt))


def customer_by_email(session: Session, email: str) -> Customer | None:
    return session.scalars(select(Customer).where(Customer.email == email.lower())).first()


def revenue_cents(session: Session) -> int:
    return session.scalar(select(func.coalesce(func.sum(Order.total_cents), 0))) or 0
