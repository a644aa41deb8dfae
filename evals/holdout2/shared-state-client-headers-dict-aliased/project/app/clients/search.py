from __future__ import annotations

from app.clients.base import ServiceClient


class SearchClient(ServiceClient):
    name = "search"
    base_url = "https://search.internal/v2"

    def recent_documents(self, customer_id: str, limit: int = 5) -> list[dict]:
        return self._get("/documents", owner=customer_id, limit=limit, sort="-updated")["hits"]
