import hmac

from fastapi import Header, HTTPException

from app.config import API_TOKEN


def require_token(authorization: str = Header(default="")) -> None:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token, API_TOKEN):
        raise HTTPException(status_code=401, detail="invalid token")
