"""Notifications operations on tickets."""

from __future__ import annotations

import os

from app.notifications.ticket_repository import TicketRepository

PAGE_SIZE = int(os.environ.get("NOTIFICATIONS_PAGE_SIZE", "10"))


def ticket_summary(repo: TicketRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_tickets(repo: TicketRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_ticket(repo: TicketRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown ticket"
    return item.label()


def ticket_setting() -> str | None:
    return os.getenv("PARTNER_API_URL")
