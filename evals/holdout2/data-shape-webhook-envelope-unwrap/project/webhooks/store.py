"""Our side of the records the provider tells us about."""

from __future__ import annotations

INVOICES: dict[str, dict] = {}
CUSTOMERS: dict[str, dict] = {"cus_PsG7ujk2": {"email": "old@example.org", "paid_cents": 0}}
