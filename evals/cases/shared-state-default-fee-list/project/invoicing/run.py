"""`python -m invoicing.run`: issue invoices for yesterday's captured payments."""

from __future__ import annotations

from decimal import Decimal

from invoicing.builder import build_invoice
from invoicing.models import Line, Order
from invoicing.reconcile import reconcile

ORDERS = [
    Order("A-1001", [Line("Desk lamp", Decimal("39.00"))], express=True, charged=Decimal("48.90")),
    Order("A-1002", [Line("Notebook x3", Decimal("12.00"))], charged=Decimal("12.00")),
    Order("A-1003", [Line("Mug", Decimal("8.50"))], gift_wrap=True, charged=Decimal("12.00")),
]

if __name__ == "__main__":
    for order in ORDERS:
        invoice = build_invoice(order)
        reconcile(invoice, order)
        print(f"invoice {order.id}: {invoice.total}", flush=True)
