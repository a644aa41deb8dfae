from __future__ import annotations

import os

from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, sessionmaker

engine = create_engine(os.getenv("CATALOG_DB", "sqlite:///./catalog.db"))
SessionLocal = sessionmaker(engine)


class Base(DeclarativeBase):
    pass
