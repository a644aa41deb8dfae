"""Handlers per event type."""

from __future__ import annotations

from webhooks import store
from webhooks.registry import handles


@handles("invoice.paid")
def invoice_paid(invoice: dict) -> str:
    invoice_id = invoice["id"]
    store.INVOICES[invoice_id] = {"status": "paid", "amount": invoice["amount_paid"], "currency": invoice["currency"]}
    customer = store.CUSTOMERS.setdefault(invoice["customer"], {"email": None, "paid_cents": 0})
    customer["paid_cents"] += invoice["amount_paid"]
    return f"invoice {invoice_id} marked paid"


@handles("customer.updated")
def customer_updated(customer: dict) -> str:
    record = store.CUSTOMERS.setdefault(customer["id"], {"email": None, "paid_cents": 0})
    record["email"] = customer.get("email")
    return f"customer {customer['id']} updated"
