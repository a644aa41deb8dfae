from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from auditlog.models import AuditEvent

STREAM_BATCH = 500


class AuditRepository:
    def __init__(self, session_factory: sessionmaker) -> None:
        self._session_factory = session_factory

    def record(self, **fields: Any) -> AuditEvent:
        with self._session_factory() as session:
            event = AuditEvent(**fields)
            session.add(event)
            session.commit()
            return event

    def count_between(self, since: datetime, until: datetime) -> int:
        with self._session_factory() as session:
            stmt = (
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.occurred_at >= since, AuditEvent.occurred_at < until)
            )
            return session.scalar(stmt) or 0

    def iter_events(self, since: datetime, until: datetime) -> Iterator[AuditEvent]:
        with self._session_factory() as session:
            stmt = (
                select(AuditEvent)
                .where(AuditEvent.occurred_at >= since, AuditEvent.occurred_at < until)
                .order_by(AuditEvent.occurred_at, AuditEvent.id)
                .execution_options(yield_per=STREAM_BATCH)
            )
            return session.scalars(stmt)
