"""Request-scoped dependencies."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import Header, HTTPException, Query
from sqlalchemy.orm import Session

from app.db import SessionLocal
from app.settings import settings


def get_db() -> Iterator[Session]:
    """One session per request, committed when the handler returns without error."""
    with SessionLocal() as session:
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise


def current_user(x_api_key: str = Header(...), x_user: str = Header("anonymous")) -> str:
    if x_api_key not in settings.api_keys:
        raise HTTPException(status_code=401, detail="bad api key")
    return x_user


@dataclass
class Page:
    limit: int
    offset: int


def pagination(limit: int = Query(20, ge=1), offset: int = Query(0, ge=0)) -> Page:
    return Page(min(limit, settings.page_size_max), offset)
