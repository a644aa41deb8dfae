"""Accounting side: turn payment events into journal entries."""

from __future__ import annotations

from typing import Any

from ledger.events import PaymentCaptured
from ledger.journal import Journal, Posting


def handle(message: dict[str, Any], journal: Journal) -> None:
    event = PaymentCaptured.model_validate(message)
    journal.post(
        f"payment {event.payment_id} for {event.order_id}",
        [
            Posting("cash:stripe", debit_cents=event.amount_cents),
            Posting(f"receivable:{event.currency}", credit_cents=event.amount_cents),
        ],
    )
