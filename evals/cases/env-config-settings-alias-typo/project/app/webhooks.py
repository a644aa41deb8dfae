"""Verifying Stripe-style webhook signatures."""

import hashlib
import hmac

from app.config import settings


def expected_signature(payload: bytes, timestamp: str) -> str:
    secret = settings.stripe_webhook_secret.encode()
    signed = timestamp.encode() + b"." + payload
    return hmac.new(secret, signed, hashlib.sha256).hexdigest()


def verify(payload: bytes, header: str) -> bool:
    parts = dict(item.split("=", 1) for item in header.split(","))
    return hmac.compare_digest(expected_signature(payload, parts["t"]), parts["v1"])
