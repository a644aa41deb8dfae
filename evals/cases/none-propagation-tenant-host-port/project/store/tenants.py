from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Tenant


def by_host(session: Session, host: str) -> Tenant | None:
    """The tenant serving this Host header."""
    return session.scalars(select(Tenant).where(Tenant.domain == host.lower())).one_or_none()
