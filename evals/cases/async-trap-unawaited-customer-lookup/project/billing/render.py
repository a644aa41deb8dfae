"""Plain-text rendering of invoices for the outgoing mail queue."""

from __future__ import annotations

from billing.models import Customer, Invoice


def render_invoice(invoice: Invoice, customer: Customer) -> str:
    header = [
        f"To: {customer.email}",
        f"Subject: Invoice {invoice.number}",
        "",
        f"Dear {customer.name},",
    ]
    if customer.vat_id:
        header.append(f"VAT ID: {customer.vat_id}")
    body = [
        f"  {line.quantity} x {line.description:<20} {line.total:>10.2f}" for line in invoice.lines
    ]
    footer = ["", f"  {'Total':<24} {invoice.total:>10.2f}"]
    return "\n".join(header + [""] + body + footer)
