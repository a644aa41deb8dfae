from fastapi import Depends, Request
from sqlalchemy.orm import Session

from store.db import get_session
from store.tenants import by_host


def current_tenant(request: Request, session: Session = Depends(get_session)):
    return by_host(session, request.headers.get("host", ""))
