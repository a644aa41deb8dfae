"""In-memory partner repository used by the warehouse jobs."""

from __future__ import annotations

from app.warehouse.partner_model import Partner, from_row


class PartnerRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Partner] = {}

    def add(self, row: dict) -> Partner:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Partner | None:
        return self._rows.get(item_id)

    def all(self) -> list[Partner]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
