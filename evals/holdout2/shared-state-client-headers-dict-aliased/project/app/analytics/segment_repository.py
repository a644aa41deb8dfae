"""In-memory segment repository used by the analytics jobs."""

from __future__ import annotations

from app.analytics.segment_model import Segment, from_row


class SegmentRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Segment] = {}

    def add(self, row: dict) -> Segment:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Segment | None:
        return self._rows.get(item_id)

    def all(self) -> list[Segment]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
