from sqlalchemy.orm import Session

from crm.crud import get_or_create
from crm.models import Customer


def normalise_email(email: str) -> str:
    return email.strip().lower()


def customer_for_email(session: Session, email: str) -> Customer:
    return get_or_create(session, Customer, email=normalise_email(email))
