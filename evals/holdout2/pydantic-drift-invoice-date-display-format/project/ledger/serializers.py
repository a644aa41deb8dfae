"""Wire payloads for the events we publish."""

from __future__ import annotations

from ledger.domain import Invoice
from ledger.formatting import display_date


def invoice_issued_payload(invoice: Invoice) -> dict:
    return {
        "invoice_id": invoice.number,
        "customer_id": invoice.customer_id,
        "issued_on": display_date(invoice.issued_on),
        "total": str(invoice.total),
        "currency": invoice.currency,
        "line_count": len(invoice.lines),
    }
