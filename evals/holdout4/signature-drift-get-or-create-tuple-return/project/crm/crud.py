from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm.db import Base

ModelT = TypeVar("ModelT", bound=Base)


def get_or_create(
    session: Session, model: type[ModelT], defaults: dict[str, Any] | None = None, **lookup: Any
) -> tuple[ModelT, bool]:
    instance = session.scalars(select(model).filter_by(**lookup)).one_or_none()
    if instance is not None:
        return instance, False
    instance = model(**lookup, **(defaults or {}))
    session.add(instance)
    session.flush()
    return instance, True
