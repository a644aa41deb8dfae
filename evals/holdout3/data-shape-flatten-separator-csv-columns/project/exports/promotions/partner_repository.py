"""In-memory partner repository used by the promotions jobs."""

from __future__ import annotations

from exports.promotions.partner_model import Partner, from_row


class PartnerRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Partner] = {}

    def add(self, row: dict) -> Partner:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Partner | None:
        for row in self._rows.values():
            if row.id == item_id:
                return row
        return None

    def all(self) -> list[Partner]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
