"""Signing note share links."""

import hashlib
import hmac

from app.settings import settings


def sign(value: str) -> str:
    key = settings.secret_key.encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def share_link(note_id: int) -> str:
    return f"/share/{note_id}?sig={sign(str(note_id))}"
