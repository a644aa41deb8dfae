"""Returns operations on products."""

from __future__ import annotations

import os

from app.returns.product_repository import ProductRepository

PAGE_SIZE = int(os.environ.get("RETURNS_PAGE_SIZE", "250"))


def product_summary(repo: ProductRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_products(repo: ProductRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_product(repo: ProductRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown product"
    return item.label()


def product_setting() -> str | None:
    return os.getenv("AUDIT_LEVEL")
