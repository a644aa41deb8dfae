from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Address


def shipping_address(session: Session, customer_id: int) -> Address | None:
    stmt = select(Address).where(
        Address.customer_id == customer_id,
        Address.kind == "shipping",
    )
    return session.scalars(stmt).first()


def billing_address(session: Session, customer_id: int) -> Address | None:
    stmt = select(Address).where(Address.customer_id == customer_id, Address.kind == "billing")
    return session.scalars(stmt).first()
