"""In-memory segment repository used by the returns jobs."""

from __future__ import annotations

from crm.returns.segment_model import Segment, from_row


class SegmentRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Segment] = {}

    def add(self, row: dict) -> Segment:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Segment | None:
        for row in self._rows.values():
            if row.id == item_id:
                return row
        return None

    def all(self) -> list[Segment]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
