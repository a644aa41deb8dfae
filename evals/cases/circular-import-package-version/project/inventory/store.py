from __future__ import annotations

from collections import defaultdict


class StockStore:
    """In-memory stock levels; the production build swaps in the Postgres-backed store."""

    def __init__(self) -> None:
        self._levels: dict[str, dict[str, int]] = defaultdict(dict)

    def levels(self, sku: str) -> dict[str, int]:
        return dict(self._levels[sku])

    def adjust(self, sku: str, warehouse: str, delta: int) -> None:
        current = self._levels[sku].get(warehouse, 0)
        if current + delta < 0:
            raise ValueError(f"only {current} of {sku} in {warehouse}")
        self._levels[sku][warehouse] = current + delta
