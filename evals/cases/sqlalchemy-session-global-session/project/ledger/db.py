from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import StaticPool

engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
SessionLocal = sessionmaker(bind=engine)

_session: Session | None = None


class Base(DeclarativeBase):
    pass


def get_session() -> Session:
    """The app's session (created once: opening one per request showed up in profiles)."""
    global _session
    if _session is None:
        _session = SessionLocal()
    return _session
