"""FastAPI dependencies."""

from __future__ import annotations

from fastapi import Depends, HTTPException
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Notebook
from app.repository import NoteRepository


def get_repo(db: Session = Depends(get_db)) -> NoteRepository:
    return NoteRepository(db)


def get_notebook(notebook_id: int, repo: NoteRepository = Depends(get_repo)) -> Notebook:
    notebook = repo.notebook(notebook_id)
    if notebook is None:
        raise HTTPException(status_code=404, detail="notebook not found")
    return notebook
