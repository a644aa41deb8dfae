from datetime import date

from sqlalchemy.orm import Session

from app.models import Customer, Invoice
from app.payments import amount_paid, last_payment_date
from app.schemas import InvoiceLine, Statement


def invoice_status(outstanding_cents: int, due_on: date, today: date) -> str:
    if outstanding_cents <= 0:
        return "paid"
    if due_on < today:
        return "overdue"
    return "open"


def summarize_invoice(session: Session, invoice: Invoice, today: date) -> InvoiceLine:
    paid = amount_paid(session, invoice.id)
    outstanding = invoice.total_cents - paid
    return InvoiceLine(
        number=invoice.number,
        issued_on=invoice.issued_on,
        due_on=invoice.due_on,
        total_cents=invoice.total_cents,
        paid_cents=paid,
        outstanding_cents=outstanding,
        last_payment_on=last_payment_date(session, invoice.id),
        status=invoice_status(outstanding, invoice.due_on, today),
    )


def build_statement(session: Session, customer: Customer, today: date) -> Statement:
    lines = [summarize_invoice(session, inv, today) for inv in customer.invoices]
    return Statement(
        customer=customer.name,
        generated_on=today,
        invoices=lines,
        balance_cents=sum(line.outstanding_cents for line in lines),
    )
