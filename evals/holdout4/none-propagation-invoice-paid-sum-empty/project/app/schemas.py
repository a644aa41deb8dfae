from datetime import date

from pydantic import BaseModel


class InvoiceLine(BaseModel):
    number: str
    issued_on: date
    due_on: date
    total_cents: int
    paid_cents: int
    outstanding_cents: int
    last_payment_on: date | None = None
    status: str


class Statement(BaseModel):
    customer: str
    generated_on: date
    invoices: list[InvoiceLine]
    balance_cents: int
