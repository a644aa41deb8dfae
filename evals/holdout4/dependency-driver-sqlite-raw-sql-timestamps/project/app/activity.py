from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Row, text
from sqlalchemy.orm import Session

from app.models import ActivityEvent


def record_event(session: Session, user_id: int, kind: str, at: datetime) -> ActivityEvent:
    event = ActivityEvent(user_id=user_id, kind=kind, occurred_at=at)
    session.add(event)
    return event


def last_seen_by_user(session: Session) -> Sequence[Row]:
    stmt = text(
        """
        SELECT u.id AS user_id,
               u.email AS email,
               u.plan AS plan,
               COALESCE(MAX(e.occurred_at), u.created_at) AS last_seen
        FROM users AS u
        LEFT JOIN activity_events AS e ON e.user_id = u.id
        WHERE u.is_active
        GROUP BY u.id, u.email, u.plan, u.created_at
        ORDER BY last_seen
        """
    )
    return session.execute(stmt).all()
