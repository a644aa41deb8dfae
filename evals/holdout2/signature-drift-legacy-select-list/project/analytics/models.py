from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from analytics.db import Base


class PageView(Base):
    __tablename__ = "page_views"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String(300), index=True)
    visitor_id: Mapped[str] = mapped_column(String(36))
    seen_at: Mapped[datetime]
    duration_ms: Mapped[int] = mapped_column(default=0)
    referrer: Mapped[str | None] = mapped_column(String(300))
