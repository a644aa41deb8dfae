"""Customer lookups."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from shop.models import User


def get_user(session: Session, user_id: int) -> User | None:
    """The active customer with this id."""
    stmt = select(User).where(User.id == user_id, User.status == "active")
    return session.scalars(stmt).first()


def find_by_email(session: Session, email: str) -> User | None:
    return session.scalars(select(User).where(User.email == email)).first()
