"""Data access for notes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Note, Notebook


class NoteRepository:
    def __init__(self, db: Session) -> None:
        self.db = db

    def notebook(self, notebook_id: int) -> Notebook | None:
        return self.db.get(Notebook, notebook_id)

    def list_notes(self, notebook_id: int, pinned_first: bool = True) -> list[Note]:
        stmt = select(Note).where(Note.notebook_id == notebook_id)
        order = (Note.pinned.desc(), Note.created_at) if pinned_first else (Note.created_at,)
        return list(self.db.scalars(stmt.order_by(*order)))

    def add_note(self, notebook_id: int, body: str, pinned: bool = False) -> Note:
        note = Note(notebook_id=notebook_id, body=body, pinned=pinned)
        self.db.add(note)
        self.db.commit()
        self.db.refresh(note)
        return note
