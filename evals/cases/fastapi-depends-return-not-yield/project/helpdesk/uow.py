"""Unit of work: one session per request, committed or rolled back as a whole."""

from helpdesk.db import SessionLocal


class UnitOfWork:
    def __init__(self, session_factory=SessionLocal) -> None:
        self._factory = session_factory
        self.session = None

    def __enter__(self) -> "UnitOfWork":
        self.session = self._factory()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.session.rollback()
        self.session.close()
        self.session = None

    def commit(self) -> None:
        self.session.commit()
