"""In-memory voucher repository used by the audit jobs."""

from __future__ import annotations

from crm.audit.voucher_model import Voucher, from_row


class VoucherRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Voucher] = {}

    def add(self, row: dict) -> Voucher:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Voucher | None:
        return self._rows.get(item_id)

    def all(self) -> list[Voucher]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
