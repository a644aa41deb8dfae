from __future__ import annotations

from app.clients.base import ServiceClient


class BillingClient(ServiceClient):
    name = "billing"
    base_url = "https://billing.internal/api"

    def invoices(self, customer_id: str, status: str = "open") -> list[dict]:
        return self._get(f"/customers/{customer_id}/invoices", status=status)["data"]

    def balance_cents(self, customer_id: str) -> int:
        return int(self._get(f"/customers/{customer_id}/balance")["cents"])
