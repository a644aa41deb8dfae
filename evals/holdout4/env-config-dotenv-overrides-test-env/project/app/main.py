import logging
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from pydantic import BaseModel, ConfigDict, HttpUrl
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import settings
from app.db import get_session, init_db
from app.models import Bookmark

logging.basicConfig(level=settings.log_level)
log = logging.getLogger(settings.app_name)


class BookmarkIn(BaseModel):
    url: HttpUrl
    title: str
    notes: str | None = None
    tag: str | None = None


class BookmarkOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    url: str
    title: str
    tag: str | None


@asynccontextmanager
async def lifespan(app: FastAPI):
    init_db()
    log.info("database ready")
    yield


app = FastAPI(title=settings.app_name, lifespan=lifespan)


@app.post("/bookmarks", response_model=BookmarkOut, status_code=201)
def create_bookmark(payload: BookmarkIn, session: Session = Depends(get_session)) -> Bookmark:
    bookmark = Bookmark(
        url=str(payload.url), title=payload.title, notes=payload.notes, tag=payload.tag
    )
    session.add(bookmark)
    session.commit()
    return bookmark


@app.get("/bookmarks", response_model=list[BookmarkOut])
def list_bookmarks(
    tag: str | None = None, session: Session = Depends(get_session)
) -> list[Bookmark]:
    stmt = select(Bookmark).order_by(Bookmark.created_at.desc()).limit(settings.page_size)
    if tag:
        stmt = stmt.where(Bookmark.tag == tag)
    return list(session.scalars(stmt))
