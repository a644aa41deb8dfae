from datetime import datetime, timezone

from fastapi import HTTPException, status
from sqlalchemy.orm import Session

from app.models import Invoice, InvoiceStatus
from app.payments import PaymentError, PaymentGateway


def _get_invoice(db: Session, number: str) -> Invoice:
    invoice = db.query(Invoice).filter_by(number=number).one_or_none()
    if invoice is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"invoice {number} not found")
    return invoice


def collect_invoice(db: Session, gateway: PaymentGateway, number: str) -> Invoice:
    invoice = _get_invoice(db, number)
    if invoice.status is not InvoiceStatus.open:
        raise HTTPException(status.HTTP_409_CONFLICT, f"invoice is {invoice.status.value}")
    try:
        charge = gateway.charge(
            amount_cents=invoice.amount_cents,
            currency=invoice.currency,
            reference=invoice.number,
            idempotency_key=f"invoice-{invoice.number}",
        )
    except PaymentError as exc:
        raise HTTPException(status.HTTP_402_PAYMENT_REQUIRED, str(exc)) from exc
    invoice.status = InvoiceStatus.paid
    invoice.charge_id = charge.id
    invoice.paid_at = datetime.now(timezone.utc)
    db.commit()
    return invoice


def refund_invoice(db: Session, gateway: PaymentGateway, number: str) -> Invoice:
    invoice = _get_invoice(db, number)
    if invoice.status is not InvoiceStatus.paid or invoice.charge_id is None:
        raise HTTPException(status.HTTP_409_CONFLICT, "only paid invoices can be refunded")
    try:
        gateway.refund(invoice.charge_id, idempotency_key=f"refund-{invoice.number}")
    except PaymentError as exc:
        raise HTTPException(status.HTTP_502_BAD_GATEWAY, str(exc)) from exc
    invoice.status = InvoiceStatus.refunded
    db.commit()
    return invoice
