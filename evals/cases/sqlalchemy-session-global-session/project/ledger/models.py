from datetime import date

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ledger.db import Base


class Entry(Base):
    __tablename__ = "entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    booked_on: Mapped[date]
    account: Mapped[str] = mapped_column(String(12))
    amount_cents: Mapped[int]
    memo: Mapped[str] = mapped_column(String(200), default="")
