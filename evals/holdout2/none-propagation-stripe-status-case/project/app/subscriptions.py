"""Finding an account's subscriptions."""

from __future__ import annotations

from collections.abc import Iterator

from app.models import Subscription
from app.store import Store


def iter_subscriptions(store: Store, account_id: int) -> Iterator[Subscription]:
    for row in store.rows("subscriptions"):
        if row["account_id"] == account_id:
            yield Subscription.from_row(row)


def current_subscription(store: Store, account_id: int) -> Subscription | None:
    """The subscription to renew, if the account has a live one."""
    return next((s for s in iter_subscriptions(store, account_id) if s.is_active), None)


def delinquent_accounts(store: Store) -> list[int]:
    return sorted({s.account_id for a in store.account_ids() for s in iter_subscriptions(store, a) if s.is_delinquent})
