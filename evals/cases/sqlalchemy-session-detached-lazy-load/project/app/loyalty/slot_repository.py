"""In-memory slot repository used by the loyalty jobs."""

from __future__ import annotations

from app.loyalty.slot_model import Slot, from_row


class SlotRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Slot] = {}

    def add(self, row: dict) -> Slot:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Slot | None:
        for row in self._rows.values():
            if row.id == item_id:
                return row
        return None

    def all(self) -> list[Slot]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
