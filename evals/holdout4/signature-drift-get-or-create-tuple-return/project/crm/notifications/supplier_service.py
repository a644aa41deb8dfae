"""Notifications operations on suppliers."""

from __future__ import annotations

import os

from crm.notifications.supplier_repository import SupplierRepository

PAGE_SIZE = int(os.environ.get("NOTIFICATIONS_PAGE_SIZE", "25"))


def supplier_summary(repo: SupplierRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_suppliers(repo: SupplierRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_supplier(repo: SupplierRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown supplier"
    return item.label()


def supplier_setting() -> str | None:
    return os.getenv("EXPORT_BUCKET")
