"""Promotions operations on reviews."""

from __future__ import annotations

import os

from app.promotions.review_repository import ReviewRepository

PAGE_SIZE = int(os.environ.get("PROMOTIONS_PAGE_SIZE", "100"))


def review_summary(repo: ReviewRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_reviews(repo: ReviewRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_review(repo: ReviewRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown review"
    return item.label()


def review_setting() -> str | None:
    return os.getenv("LOYALTY_RATE")
