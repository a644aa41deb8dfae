"""Database engine and sessions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

DATABASE_URL = os.getenv("NOTES_DATABASE_URL", "sqlite:///./notes.db")

engine = create_engine(DATABASE_URL, connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(engine, autoflush=False)


class Base(DeclarativeBase):
    pass


@contextmanager
def get_db() -> Iterator[Session]:
    """One session per unit of work, always closed (`with get_db() as db:` in scripts)."""
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
