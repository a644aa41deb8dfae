"""In-memory batch repository used by the returns jobs."""

from __future__ import annotations

from app.returns.batch_model import Batch, from_row


class BatchRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Batch] = {}

    def add(self, row: dict) -> Batch:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Batch | None:
        for row in self._rows.values():
            if row.id == item_id:
                return row
        return None

    def all(self) -> list[Batch]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
