"""Returns operations on batchs."""

from __future__ import annotations

import os

from app.returns.batch_repository import BatchRepository

PAGE_SIZE = int(os.environ.get("RETURNS_PAGE_SIZE", "100"))


def batch_summary(repo: BatchRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_batchs(repo: BatchRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_batch(repo: BatchRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown batch"
    return item.label()


def batch_setting() -> str | None:
    return os.getenv("REPORT_TIMEZONE")
