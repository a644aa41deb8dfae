"""In-memory voucher repository used by the inventory jobs."""

from __future__ import annotations

from app.inventory.voucher_model import Voucher, from_row


class VoucherRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Voucher] = {}

    def add(self, row: dict) -> Voucher:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Voucher | None:
        for row in self._rows.values():
            if row.id == item_id:
                return row
        return None

    def all(self) -> list[Voucher]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
