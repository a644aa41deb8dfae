"""Invoices must match what was actually charged, to the cent (tax authorities audit this)."""

from __future__ import annotations

from invoicing.models import Invoice, Order


class ReconciliationError(Exception):
    pass


def reconcile(invoice: Invoice, order: Order) -> None:
    if invoice.total != order.charged:
        labels = ", ".join(line.label for line in invoice.lines)
        raise ReconciliationError(
            f"invoice for {order.id} totals {invoice.total} but {order.charged} was charged "
            f"(lines: {labels})"
        )
