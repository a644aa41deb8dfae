"""HMAC signatures as sent by the payment provider: 'sha256=<hex digest of the body>'."""

from __future__ import annotations

import hashlib
import hmac


class BadSignature(ValueError):
    """The signature header is missing or does not match the body."""


def sign(secret: bytes | None, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def verify(secret: bytes | None, body: bytes, header_value: str | None) -> None:
    expected = sign(secret, body)
    if not header_value or not hmac.compare_digest(expected, header_value):
        raise BadSignature("signature mismatch")
