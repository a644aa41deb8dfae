"""In-memory rule repository used by the inventory jobs."""

from __future__ import annotations

from crm.inventory.rule_model import Rule, from_row


class RuleRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Rule] = {}

    def add(self, row: dict) -> Rule:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Rule | None:
        for row in self._rows.values():
            if row.id == item_id:
                return row
        return None

    def all(self) -> list[Rule]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
