from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app import repo
from app.db import get_db
from app.deps import bind_tenant
from app.schemas import ProjectIn, ProjectOut

router = APIRouter(prefix="/projects", tags=["projects"], dependencies=[Depends(bind_tenant)])


@router.get("", response_model=list[ProjectOut])
async def list_projects(include_archived: bool = False, db: Session = Depends(get_db)):
    projects = repo.list_projects(db, include_archived=include_archived)
    counts = repo.open_task_counts(db)
    return [
        ProjectOut(id=p.id, name=p.name, open_tasks=counts.get(p.id, 0)) for p in projects
    ]


@router.post("", response_model=ProjectOut, status_code=201)
async def create_project(payload: ProjectIn, db: Session = Depends(get_db)):
    project = repo.add_project(db, payload.name)
    return ProjectOut.model_validate(project)
