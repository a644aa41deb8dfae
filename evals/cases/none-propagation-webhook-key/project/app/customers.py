from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Customer
from app.validation import normalize_email


def upsert_from_payment(session: Session, email: str, amount_cents: int) -> Customer:
    key = normalize_email(email)
    customer = session.scalars(select(Customer).where(Customer.email == key)).first()
    if customer is None:
        customer = Customer(email=key)
        session.add(customer)
    customer.lifetime_cents = (customer.lifetime_cents or 0) + amount_cents
    session.commit()
    return customer
