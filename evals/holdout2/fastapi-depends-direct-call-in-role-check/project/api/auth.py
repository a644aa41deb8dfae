"""Authentication and authorisation dependencies."""

from __future__ import annotations

from fastapi import Depends, Header, HTTPException, Request, status

from api.models import User
from api.tokens import TokenStore, get_token_store


def get_current_user(
    authorization: str | None = Header(default=None),
    tokens: TokenStore = Depends(get_token_store),
) -> User:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing bearer token")
    user = tokens.lookup(token)
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown token")
    return user


def require_role(role: str):
    """Dependency factory: 403 unless the caller has `role`."""

    def checker(request: Request) -> User:
        user = get_current_user(request.headers.get("authorization"))
        if not user.has_role(role):
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"{role} role required")
        return user

    return checker
