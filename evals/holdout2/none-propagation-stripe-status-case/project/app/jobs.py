"""The nightly renewal job."""

from __future__ import annotations

import logging

from app.billing import renewal_invoice
from app.store import Store
from app.subscriptions import delinquent_accounts

log = logging.getLogger("app.jobs.renewals")


def run_renewals(store: Store) -> list[dict]:
    skipped = set(delinquent_accounts(store))
    if skipped:
        log.warning("skipping delinquent accounts: %s", sorted(skipped))
    invoices = []
    for account_id in store.account_ids():
        if account_id in skipped:
            continue
        log.info("renewing account %s", account_id)
        invoices.append(renewal_invoice(store, account_id))
    return invoices
