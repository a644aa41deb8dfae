"""In-memory reward repository used by the notifications jobs."""

from __future__ import annotations

from app.notifications.reward_model import Reward, from_row


class RewardRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Reward] = {}

    def add(self, row: dict) -> Reward:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Reward | None:
        for row in self._rows.values():
            if row.id == item_id:
                return row
        return None

    def all(self) -> list[Reward]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
