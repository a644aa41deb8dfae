"""Compact signed tokens: base64(header).base64(claims).hmac."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

SECRET = b"dev-only-secret"


class InvalidToken(Exception):
    pass


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def issue(claims: dict) -> str:
    header = _b64(json.dumps({"alg": "HS256"}).encode())
    body = _b64(json.dumps(claims, sort_keys=True).encode())
    sig = _b64(hmac.new(SECRET, f"{header}.{body}".encode(), hashlib.sha256).digest())
    return f"{header}.{body}.{sig}"


def decode(token: str) -> dict:
    header, body, sig = token.split(".")
    expected = _b64(hmac.new(SECRET, f"{header}.{body}".encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(sig, expected):
        raise InvalidToken("bad signature")
    return json.loads(_unb64(body))
