"""Signed session tokens: base64(json claims) + '.' + hmac."""

import base64
import hashlib
import hmac
import json
import time

SECRET = b"dev-only-secret"


def _sign(body: bytes) -> str:
    return hmac.new(SECRET, body, hashlib.sha256).hexdigest()


def issue_token(user_id: int, ttl: int = 3600) -> str:
    claims = json.dumps({"user": user_id, "exp": int(time.time()) + ttl}).encode()
    body = base64.urlsafe_b64encode(claims)
    return body.decode() + "." + _sign(body)


def read_claims(token: str) -> dict[str, object]:
    body, _, signature = token.partition(".")
    if not hmac.compare_digest(_sign(body.encode()), signature):
        raise PermissionError("bad signature")
    return json.loads(base64.urlsafe_b64decode(body))
