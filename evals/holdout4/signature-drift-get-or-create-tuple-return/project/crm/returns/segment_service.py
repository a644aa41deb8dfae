"""Returns operations on segments."""

from __future__ import annotations

import os

from crm.returns.segment_repository import SegmentRepository

PAGE_SIZE = int(os.environ.get("RETURNS_PAGE_SIZE", "50"))


def segment_summary(repo: SegmentRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_segments(repo: SegmentRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_segment(repo: SegmentRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown segment"
    return item.label()


def segment_setting() -> str | None:
    return os.getenv("LOYALTY_RATE")
