"""Account tables."""

from __future__ import annotations

import enum

from sqlalchemy import Enum, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.settings import settings


class Plan(str, enum.Enum):
    FREE = "free"
    TEAM = "team"
    ENTERPRISE = "enterprise"


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = f"{settings.table_prefix}accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(200), unique=True)
    plan: Mapped[Plan] = mapped_column(Enum(Plan), default=Plan.FREE)
