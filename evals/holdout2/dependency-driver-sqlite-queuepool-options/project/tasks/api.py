from __future__ import annotations

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from tasks import settings
from tasks.db import Base, engine, get_session
from tasks.models import Task

app = FastAPI(title="tasks")


class TaskIn(BaseModel):
    title: str
    assignee: str | None = None


@app.on_event("startup")
def create_tables() -> None:
    Base.metadata.create_all(engine)


@app.post("/tasks", status_code=201)
def create_task(payload: TaskIn, session: Session = Depends(get_session)) -> dict:
    task = Task(title=payload.title, assignee=payload.assignee)
    session.add(task)
    session.commit()
    return {"id": task.id, "title": task.title}


@app.get("/tasks")
def list_tasks(page: int = 1, session: Session = Depends(get_session)) -> list[dict]:
    stmt = select(Task).order_by(Task.id).limit(settings.PAGE_SIZE).offset((page - 1) * settings.PAGE_SIZE)
    return [{"id": t.id, "title": t.title, "done": t.done} for t in session.scalars(stmt)]


@app.post("/tasks/{task_id}/done")
def complete(task_id: int, session: Session = Depends(get_session)) -> dict:
    task = session.get(Task, task_id)
    if task is None:
        raise HTTPException(404, "no such task")
    task.done = True
    session.commit()
    return {"id": task.id, "done": True}
