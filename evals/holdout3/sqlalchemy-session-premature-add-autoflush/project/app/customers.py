from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Customer


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_or_create(session: Session, email: str) -> Customer:
    email = normalise_email(email)
    customer = session.scalar(select(Customer).where(Customer.email == email))
    if customer is None:
        customer = Customer(email=email)
        session.add(customer)
        session.flush()
    return customer
