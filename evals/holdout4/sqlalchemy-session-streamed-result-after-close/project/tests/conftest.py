from datetime import datetime, timedelta, timezone

import pytest

from auditlog.db import make_session_factory
from auditlog.models import AuditEvent
from auditlog.repository import AuditRepository

DAY = datetime(2024, 5, 14, tzinfo=timezone.utc)
ACTIONS = ["login", "invoice.update", "user.invite", "export.download"]


@pytest.fixture()
def repo(tmp_path):
    factory = make_session_factory(f"sqlite:///{tmp_path / 'audit.db'}")
    with factory() as session:
        session.add_all(
            AuditEvent(
                occurred_at=DAY + timedelta(minutes=3 * i),
                actor=f"user{i % 7}@northwind.test",
                action=ACTIONS[i % len(ACTIONS)],
                target_type="invoice" if i % 2 else "user",
                target_id=str(1000 + i),
                ip_address=f"10.20.{i % 5}.{i % 250 + 1}",
                details={"note": f"changed by user{i % 7}@northwind.test", "token": "abc"},
            )
            for i in range(480)
        )
        session.commit()
    return AuditRepository(factory)
