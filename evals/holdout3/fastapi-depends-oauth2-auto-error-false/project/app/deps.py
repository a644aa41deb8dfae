from __future__ import annotations

from fastapi import Depends, HTTPException, status

from app import tokens
from app.security import ROLE_SCOPES, oauth2_scheme
from app.users import User, get_user


def get_current_user(token: str = Depends(oauth2_scheme)) -> User:
    try:
        claims = tokens.decode(token)
    except tokens.InvalidToken:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token") from None
    user = get_user(int(claims["sub"]))
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown user")
    return user


def require_scope(scope: str):
    def check(user: User = Depends(get_current_user)) -> User:
        if scope not in ROLE_SCOPES.get(user.role, set()):
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"missing scope {scope}")
        return user

    return check
