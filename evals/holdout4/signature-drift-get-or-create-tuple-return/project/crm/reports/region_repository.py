"""In-memory region repository used by the reports jobs."""

from __future__ import annotations

from crm.reports.region_model import Region, from_row


class RegionRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Region] = {}

    def add(self, row: dict) -> Region:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Region | None:
        for row in self._rows.values():
            if row.id == item_id:
                return row
        return None

    def all(self) -> list[Region]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
