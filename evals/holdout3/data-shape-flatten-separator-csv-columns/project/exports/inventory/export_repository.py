"""In-memory export repository used by the inventory jobs."""

from __future__ import annotations

from exports.inventory.export_model import Export, from_row


class ExportRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Export] = {}

    def add(self, row: dict) -> Export:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Export | None:
        return self._rows.get(item_id)

    def all(self) -> list[Export]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
