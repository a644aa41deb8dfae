"""The CRM database; the import job runs against a scratch copy."""

from __future__ import annotations

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from crm.models import Base, Company, Contact


def make_engine(url: str = "sqlite://") -> Engine:
    engine = create_engine(url)
    Base.metadata.create_all(engine)
    return engine


def seed(engine: Engine) -> None:
    """Contacts that already exist before the import (from the last sync)."""
    with Session(engine) as session:
        acme = Company(name="Acme Ltd")
        session.add_all(
            [
                acme,
                Contact(email="grace@acme.example", full_name="Grace Hopper", company=acme),
            ]
        )
        session.commit()
