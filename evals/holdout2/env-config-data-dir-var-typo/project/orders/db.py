"""Engine and session factory."""

from __future__ import annotations

from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, sessionmaker

from orders import settings


class Base(DeclarativeBase):
    pass


engine = create_engine(settings.DATABASE_URL, echo=settings.ECHO_SQL)
SessionLocal = sessionmaker(engine, expire_on_commit=False)


def init_db() -> None:
    # Import the models so their tables are registered on Base.metadata.
    from orders import models  # noqa: F401

    Base.metadata.create_all(engine)
