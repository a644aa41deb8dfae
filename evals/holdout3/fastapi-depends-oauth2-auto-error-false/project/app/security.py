from __future__ import annotations

from fastapi.security import OAuth2PasswordBearer

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token", auto_error=False)

ROLE_SCOPES = {
    "customer": {"orders:read", "profile:read"},
    "staff": {"orders:read", "orders:write", "profile:read"},
}
