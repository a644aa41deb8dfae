"""A read-only view over the billing tables (rows mirror what the Stripe webhook stored)."""

from __future__ import annotations

from collections.abc import Iterator

# Statuses are stored exactly as Stripe sends them in `customer.subscription.*` events.
_TABLES: dict[str, list[dict]] = {
    "accounts": [
        {"id": 101, "name": "Northwind", "currency": "eur"},
        {"id": 102, "name": "Fabrikam", "currency": "usd"},
        {"id": 103, "name": "Contoso", "currency": "usd"},
    ],
    "subscriptions": [
        {"id": "sub_1", "account_id": 101, "price_id": "price_team", "status": "active", "seats": 12},
        {"id": "sub_2", "account_id": 102, "price_id": "price_pro", "status": "canceled", "seats": 3},
        {"id": "sub_3", "account_id": 102, "price_id": "price_team", "status": "trialing", "seats": 5},
        {"id": "sub_4", "account_id": 103, "price_id": "price_pro", "status": "past_due", "seats": 1},
    ],
}


class Store:
    def rows(self, table: str) -> Iterator[dict]:
        yield from (dict(row) for row in _TABLES[table])

    def account_ids(self) -> list[int]:
        return [row["id"] for row in _TABLES["accounts"]]

    def account(self, account_id: int) -> dict | None:
        return next((r for r in self.rows("accounts") if r["id"] == account_id), None)
