"""Issuing invoices."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ledger import bus
from ledger.domain import Invoice, Line
from ledger.serializers import invoice_issued_payload

_next_number = 1041


def issue_invoice(customer_id: str, lines: list[Line], issued_on: date) -> Invoice:
    global _next_number
    invoice = Invoice(f"INV-{_next_number:06d}", customer_id, issued_on, lines=lines)
    _next_number += 1
    bus.publish("invoice.issued", invoice_issued_payload(invoice))
    return invoice


def demo_invoices() -> list[Invoice]:
    return [
        issue_invoice("cus_77", [Line("Consulting", 3, Decimal("450.00"))], date(2024, 3, 18)),
        issue_invoice("cus_91", [Line("Licence", 1, Decimal("1200.00"))], date(2024, 3, 19)),
    ]
