"""Accounting side: books every issued invoice into the receivables ledger."""

from __future__ import annotations

from decimal import Decimal

from pydantic import ValidationError

from ledger import bus
from ledger.schemas import InvoiceIssued

RECEIVABLES: dict[str, Decimal] = {}


class PoisonMessage(Exception):
    """A message that can never be processed; it goes to the dead-letter queue."""


@bus.subscribe("invoice.issued")
def book_invoice(message: dict) -> None:
    try:
        event = InvoiceIssued.model_validate(message["body"])
    except ValidationError as exc:
        raise PoisonMessage(f"{message['topic']}: rejected payload") from exc
    RECEIVABLES[event.customer_id] = RECEIVABLES.get(event.customer_id, Decimal("0")) + event.total
