from sqlalchemy import select

from app.db import SessionLocal
from app.models import Invoice


def get_invoice(invoice_id: int) -> Invoice | None:
    with SessionLocal() as session:
        return session.get(Invoice, invoice_id)


def list_numbers() -> list[str]:
    with SessionLocal() as session:
        return list(session.scalars(select(Invoice.number).order_by(Invoice.issued_on)))
