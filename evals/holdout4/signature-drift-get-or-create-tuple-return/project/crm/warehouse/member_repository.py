"""In-memory member repository used by the warehouse jobs."""

from __future__ import annotations

from crm.warehouse.member_model import Member, from_row


class MemberRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Member] = {}

    def add(self, row: dict) -> Member:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Member | None:
        return self._rows.get(item_id)

    def all(self) -> list[Member]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
