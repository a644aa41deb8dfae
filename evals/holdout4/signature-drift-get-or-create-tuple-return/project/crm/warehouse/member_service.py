"""Warehouse operations on members."""

from __future__ import annotations

import os

from crm.warehouse.member_repository import MemberRepository

PAGE_SIZE = int(os.environ.get("WAREHOUSE_PAGE_SIZE", "25"))


def member_summary(repo: MemberRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_members(repo: MemberRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_member(repo: MemberRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown member"
    return item.label()


def member_setting() -> str | None:
    return os.getenv("REPORT_TIMEZONE")
