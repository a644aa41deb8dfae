"""A batch of parsed feed rows waiting to be written."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation


class RowError(ValueError):
    pass


class ImportBatch:
    feed: str
    rows: list[dict[str, object]] = []
    errors: int = 0

    def __init__(self, feed: str) -> None:
        self.feed = feed

    def add(self, raw: dict[str, str]) -> None:
        try:
            price = Decimal(raw["price"])
        except (KeyError, InvalidOperation):
            self.errors += 1
            return
        self.rows.append({"sku": raw["sku"].strip().upper(), "name": raw["name"].strip(), "price": price, "feed": self.feed})

    def __len__(self) -> int:
        return len(self.rows)
