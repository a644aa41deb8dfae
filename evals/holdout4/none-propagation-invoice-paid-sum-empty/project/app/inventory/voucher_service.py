"""Inventory operations on vouchers."""

from __future__ import annotations

import os

from app.inventory.voucher_repository import VoucherRepository

PAGE_SIZE = int(os.environ.get("INVENTORY_PAGE_SIZE", "25"))


def voucher_summary(repo: VoucherRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_vouchers(repo: VoucherRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_voucher(repo: VoucherRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown voucher"
    return item.label()


def voucher_setting() -> str | None:
    return os.getenv("EXPORT_BUCKET")
