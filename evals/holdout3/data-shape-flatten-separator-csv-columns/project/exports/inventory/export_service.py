"""Inventory operations on exports."""

from __future__ import annotations

import os

from exports.inventory.export_repository import ExportRepository

PAGE_SIZE = int(os.environ.get("INVENTORY_PAGE_SIZE", "10"))


def export_summary(repo: ExportRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_exports(repo: ExportRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_export(repo: ExportRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown export"
    return item.label()


def export_setting() -> str | None:
    return os.getenv("REPORT_TIMEZONE")
