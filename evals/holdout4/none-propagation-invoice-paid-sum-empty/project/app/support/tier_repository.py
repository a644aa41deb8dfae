"""In-memory tier repository used by the support jobs."""

from __future__ import annotations

from app.support.tier_model import Tier, from_row


class TierRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Tier] = {}

    def add(self, row: dict) -> Tier:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Tier | None:
        for row in self._rows.values():
            if row.id == item_id:
                return row
        return None

    def all(self) -> list[Tier]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
