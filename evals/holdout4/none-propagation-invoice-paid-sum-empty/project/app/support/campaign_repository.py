"""In-memory campaign repository used by the support jobs."""

from __future__ import annotations

from app.support.campaign_model import Campaign, from_row


class CampaignRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Campaign] = {}

    def add(self, row: dict) -> Campaign:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Campaign | None:
        for row in self._rows.values():
            if row.id == item_id:
                return row
        return None

    def all(self) -> list[Campaign]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
