"""Inventory operations on rules."""

from __future__ import annotations

import os

from crm.inventory.rule_repository import RuleRepository

PAGE_SIZE = int(os.environ.get("INVENTORY_PAGE_SIZE", "25"))


def rule_summary(repo: RuleRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_rules(repo: RuleRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_rule(repo: RuleRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown rule"
    return item.label()


def rule_setting() -> str | None:
    return os.getenv("LOYALTY_RATE")
