"""In-memory rule repository used by the audit jobs."""

from __future__ import annotations

from crm.audit.rule_model import Rule, from_row


class RuleRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Rule] = {}

    def add(self, row: dict) -> Rule:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Rule | None:
        return self._rows.get(item_id)

    def all(self) -> list[Rule]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
