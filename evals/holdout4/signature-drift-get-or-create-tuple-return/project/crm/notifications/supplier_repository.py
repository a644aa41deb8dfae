"""In-memory supplier repository used by the notifications jobs."""

from __future__ import annotations

from crm.notifications.supplier_model import Supplier, from_row


class SupplierRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Supplier] = {}

    def add(self, row: dict) -> Supplier:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Supplier | None:
        return self._rows.get(item_id)

    def all(self) -> list[Supplier]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
