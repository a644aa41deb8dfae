from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Invoice, Payment


def record_payment(
    session: Session,
    invoice: Invoice,
    amount_cents: int,
    received_on: date,
    reference: str | None = None,
) -> Payment:
    payment = Payment(
        invoice_id=invoice.id,
        amount_cents=amount_cents,
        received_on=received_on,
        reference=reference,
    )
    session.add(payment)
    session.flush()
    return payment


def amount_paid(session: Session, invoice_id: int) -> int:
    stmt = select(func.sum(Payment.amount_cents)).where(Payment.invoice_id == invoice_id)
    return session.scalar(stmt)


def last_payment_date(session: Session, invoice_id: int) -> date | None:
    stmt = select(func.max(Payment.received_on)).where(Payment.invoice_id == invoice_id)
    return session.scalar(stmt)
