from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.deps import Page, current_user, get_db, pagination
from app.models import Note
from app.schemas import NoteIn, NoteOut

router = APIRouter(prefix="/notes", tags=["notes"])


@router.post("", response_model=NoteOut, status_code=201)
def create_note(
    payload: NoteIn, db: Session = Depends(get_db), user: str = Depends(current_user)
) -> Note:
    note = Note(owner=user, title=payload.title, body=payload.body)
    db.add(note)
    db.flush()
    return note


@router.get("", response_model=list[NoteOut])
def list_notes(
    db: Session = Depends(get_db),
    user: str = Depends(current_user),
    page: Page = Depends(pagination),
) -> list[Note]:
    query = (
        select(Note)
        .where(Note.owner == user)
        .order_by(Note.created_at.desc())
        .limit(page.limit)
        .offset(page.offset)
    )
    return list(db.scalars(query))
