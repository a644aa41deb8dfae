"""Notifications operations on tiers."""

from __future__ import annotations

import os

from crm.notifications.tier_repository import TierRepository

PAGE_SIZE = int(os.environ.get("NOTIFICATIONS_PAGE_SIZE", "25"))


def tier_summary(repo: TierRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_tiers(repo: TierRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_tier(repo: TierRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown tier"
    return item.label()


def tier_setting() -> str | None:
    return os.getenv("PARTNER_API_URL")
