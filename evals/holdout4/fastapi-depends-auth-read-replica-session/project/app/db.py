from collections.abc import Iterator

from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from app.config import get_settings

settings = get_settings()

engine = create_engine(settings.database_url, connect_args={"check_same_thread": False})
replica_engine = (
    create_engine(settings.replica_url, connect_args={"check_same_thread": False})
    if settings.replica_url
    else engine
)

SessionLocal = sessionmaker(bind=engine, autoflush=False)
ReadSessionLocal = sessionmaker(bind=replica_engine, autoflush=False)


class Base(DeclarativeBase):
    pass


def get_db() -> Iterator[Session]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def get_read_db() -> Iterator[Session]:
    db = ReadSessionLocal()
    try:
        yield db
    finally:
        db.rollback()
        db.close()
