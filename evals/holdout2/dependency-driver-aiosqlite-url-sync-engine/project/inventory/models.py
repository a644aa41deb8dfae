"""Tables."""

from __future__ import annotations

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inventory.db import Base


class StockItem(Base):
    __tablename__ = "stock_items"
    __table_args__ = (UniqueConstraint("sku", "warehouse"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(32), index=True)
    warehouse: Mapped[str] = mapped_column(String(16))
    on_hand: Mapped[int] = mapped_column(default=0)
    reserved: Mapped[int] = mapped_column(default=0)

    @property
    def available(self) -> int:
        return max(0, self.on_hand - self.reserved)
