"""Support operations on campaigns."""

from __future__ import annotations

import os

from app.support.campaign_repository import CampaignRepository

PAGE_SIZE = int(os.environ.get("SUPPORT_PAGE_SIZE", "10"))


def campaign_summary(repo: CampaignRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_campaigns(repo: CampaignRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_campaign(repo: CampaignRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown campaign"
    return item.label()


def campaign_setting() -> str | None:
    return os.getenv("REPORT_TIMEZONE")
