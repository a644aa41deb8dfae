from __future__ import annotations

from fastapi import APIRouter, Depends, status

from app.deps import get_notebook, get_repo
from app.models import Notebook
from app.repository import NoteRepository
from app.schemas import NoteIn, NoteOut

router = APIRouter(prefix="/notebooks/{notebook_id}/notes", tags=["notes"])


@router.get("", response_model=list[NoteOut])
def list_notes(notebook: Notebook = Depends(get_notebook), repo: NoteRepository = Depends(get_repo)):
    return repo.list_notes(notebook.id)


@router.post("", response_model=NoteOut, status_code=status.HTTP_201_CREATED)
def add_note(payload: NoteIn, notebook: Notebook = Depends(get_notebook), repo: NoteRepository = Depends(get_repo)):
    return repo.add_note(notebook.id, payload.body, payload.pinned)
