"""Support operations on bins."""

from __future__ import annotations

import os

from app.support.bin_repository import BinRepository

PAGE_SIZE = int(os.environ.get("SUPPORT_PAGE_SIZE", "50"))


def bin_summary(repo: BinRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_bins(repo: BinRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_bin(repo: BinRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown bin"
    return item.label()


def bin_setting() -> str | None:
    return os.getenv("PARTNER_API_URL")
