"""Reports operations on regions."""

from __future__ import annotations

import os

from crm.reports.region_repository import RegionRepository

PAGE_SIZE = int(os.environ.get("REPORTS_PAGE_SIZE", "100"))


def region_summary(repo: RegionRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_regions(repo: RegionRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_region(repo: RegionRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown region"
    return item.label()


def region_setting() -> str | None:
    return os.getenv("AUDIT_LEVEL")
