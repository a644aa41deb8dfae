"""Engines: the API runs on the async engine, maintenance scripts on a sync one."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase

from inventory.config import settings


class Base(DeclarativeBase):
    pass


async_engine = create_async_engine(settings.database_url, pool_pre_ping=True)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


def make_sync_engine(echo: bool = False) -> Engine:
    """A blocking engine on the same database, for scripts that run outside the event loop."""
    return create_engine(settings.database_url, echo=echo)
