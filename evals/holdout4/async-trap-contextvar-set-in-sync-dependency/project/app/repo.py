from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Project, Task
from app.tenancy import current_tenant


def list_projects(session: Session, include_archived: bool = False) -> Sequence[Project]:
    stmt = select(Project).where(Project.tenant == current_tenant())
    if not include_archived:
        stmt = stmt.where(Project.archived.is_(False))
    return session.scalars(stmt.order_by(Project.name)).all()


def open_task_counts(session: Session) -> dict[int, int]:
    stmt = (
        select(Task.project_id, func.count(Task.id))
        .where(Task.tenant == current_tenant(), Task.done.is_(False))
        .group_by(Task.project_id)
    )
    return {project_id: count for project_id, count in session.execute(stmt)}


def add_project(session: Session, name: str) -> Project:
    project = Project(tenant=current_tenant(), name=name)
    session.add(project)
    session.commit()
    return project
