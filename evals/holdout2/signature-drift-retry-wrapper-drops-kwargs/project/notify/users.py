from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class User:
    id: int
    name: str
    email: str
    phone: str | None = None
    brand: str = "acme"
    prefers_sms: bool = False


BRAND_SMS_SENDER = {"acme": "ACME", "zest": "ZestBank"}
