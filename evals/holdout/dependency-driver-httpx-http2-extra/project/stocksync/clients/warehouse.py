"""The 3PL warehouse's stock API."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stocksync.clients.base import ApiClient


class WarehouseClient(ApiClient):
    def __init__(self, base_url: str, token: str, site: str) -> None:
        super().__init__(base_url, token)
        self.site = site

    def stock_levels(self, page_size: int = 200) -> Iterator[dict[str, Any]]:
        cursor: str | None = None
        while True:
            page = self.get_json(f"/sites/{self.site}/stock", limit=page_size, cursor=cursor or "")
            yield from page["items"]
            cursor = page.get("next")
            if not cursor:
                return
