from datetime import datetime, timezone

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from helpdesk.db import Base


class Ticket(Base):
    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    requester: Mapped[str] = mapped_column(String(200))
    priority: Mapped[str] = mapped_column(String(8), default="normal")
    opened_at: Mapped[datetime] = mapped_column(default=lambda: datetime.now(timezone.utc))
