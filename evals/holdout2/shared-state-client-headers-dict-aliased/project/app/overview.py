"""The account overview page's data."""

from __future__ import annotations

from app.container import Container


def account_overview(container: Container, customer_id: str) -> dict:
    invoices = container.billing.invoices(customer_id)
    documents = container.search.recent_documents(customer_id)
    return {
        "customer": customer_id,
        "open_invoices": len(invoices),
        "due_cents": sum(i["amount_cents"] for i in invoices),
        "documents": [d["title"] for d in documents],
    }
