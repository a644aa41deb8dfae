"""Renewal invoices."""

from __future__ import annotations

import logging

from app.models import Price
from app.store import Store
from app.subscriptions import current_subscription

log = logging.getLogger(__name__)

PRICES = {
    "price_team": Price("price_team", unit_amount=1200),
    "price_pro": Price("price_pro", unit_amount=2900),
}


def renewal_invoice(store: Store, account_id: int) -> dict:
    account = store.account(account_id)
    if account is None:
        raise LookupError(f"no account {account_id}")
    sub = current_subscription(store, account_id)
    price = PRICES[sub.price_id]
    amount = price.unit_amount * sub.seats
    log.info("account %s: %s x %s = %s %s", account_id, sub.seats, price.id, amount, account["currency"])
    return {"account_id": account_id, "amount": amount, "currency": account["currency"]}
