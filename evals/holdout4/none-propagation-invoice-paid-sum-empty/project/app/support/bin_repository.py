"""In-memory bin repository used by the support jobs."""

from __future__ import annotations

from app.support.bin_model import Bin, from_row


class BinRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Bin] = {}

    def add(self, row: dict) -> Bin:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Bin | None:
        return self._rows.get(item_id)

    def all(self) -> list[Bin]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
