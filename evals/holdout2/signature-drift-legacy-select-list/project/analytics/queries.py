"""Report queries (2.0 style)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from analytics.models import PageView


def unique_visitors(session: Session, since: datetime) -> int:
    stmt = select(func.count(distinct(PageView.visitor_id))).where(PageView.seen_at >= since)
    return session.scalar(stmt) or 0


def top_pages(session: Session, since: datetime, limit: int = 5) -> list[tuple[str, int]]:
    views = func.count(PageView.id).label("views")
    stmt = (
        select([PageView.path, views])
        .where(PageView.seen_at >= since)
        .group_by(PageView.path)
        .order_by(views.desc(), PageView.path)
        .limit(limit)
    )
    return [(row.path, row.views) for row in session.execute(stmt)]


def average_duration_ms(session: Session, path: str) -> float:
    stmt = select(func.avg(PageView.duration_ms)).where(PageView.path == path)
    return float(session.scalar(stmt) or 0)


def top_referrers(session: Session, since: datetime, limit: int = 5) -> list[tuple[str, int]]:
    n = func.count().label("n")
    stmt = (
        select(PageView.referrer, n)
        .where(PageView.seen_at >= since, PageView.referrer.is_not(None))
        .group_by(PageView.referrer)
        .order_by(n.desc())
        .limit(limit)
    )
    return [tuple(row) for row in session.execute(stmt)]
