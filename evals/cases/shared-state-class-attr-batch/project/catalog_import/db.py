from __future__ import annotations

import os
from decimal import Decimal

from sqlalchemy import Numeric, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    price: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    feed: Mapped[str] = mapped_column(String(64))


def make_session_factory() -> sessionmaker[Session]:
    engine = create_engine(os.environ.get("CATALOG_DB", "sqlite:///./catalog.db"))
    Base.metadata.create_all(engine)
    return sessionmaker(engine)
