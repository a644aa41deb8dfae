"""Reports operations on partners."""

from __future__ import annotations

import os

from crm.reports.partner_repository import PartnerRepository

PAGE_SIZE = int(os.environ.get("REPORTS_PAGE_SIZE", "100"))


def partner_summary(repo: PartnerRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_partners(repo: PartnerRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_partner(repo: PartnerRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown partner"
    return item.label()


def partner_setting() -> str | None:
    return os.getenv("PARTNER_API_URL")
