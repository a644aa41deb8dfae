"""Loyalty operations on slots."""

from __future__ import annotations

import os

from app.loyalty.slot_repository import SlotRepository

PAGE_SIZE = int(os.environ.get("LOYALTY_PAGE_SIZE", "100"))


def slot_summary(repo: SlotRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_slots(repo: SlotRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_slot(repo: SlotRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown slot"
    return item.label()


def slot_setting() -> str | None:
    return os.getenv("EXPORT_BUCKET")
