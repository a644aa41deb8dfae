from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

NOW = datetime(2024, 6, 3, 12, 0, tzinfo=timezone.utc)


@dataclass
class Ticket:
    id: int
    subject: str
    customer: str
    plan: str
    opened_at: datetime
    status: str = "open"
    assignee: str | None = None
    level: int = 0
    log: list[str] = field(default_factory=list)

    def age(self, now: datetime = NOW) -> timedelta:
        return now - self.opened_at


def inbox() -> list[Ticket]:
    return [
        Ticket(101, "Invoice shows wrong VAT", "acme", "business", NOW - timedelta(hours=3)),
        Ticket(102, "Site down!!", "globex", "enterprise", NOW - timedelta(hours=9)),
        Ticket(103, "How do I export?", "initech", "free", NOW - timedelta(days=40)),
    ]
