"""Receiver settings, read once from the environment at startup."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None:
        return default
    return bool(raw)


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    return default if raw in (None, "") else int(raw)


@dataclass(frozen=True)
class Settings:
    environment: str
    verify_signatures: bool
    signing_secret: bytes | None
    max_body_bytes: int
    signature_header: str = "X-Hub-Signature-256"

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        secret = env.get("WEBHOOK_SIGNING_SECRET")
        return cls(
            environment=env.get("APP_ENV", "development"),
            verify_signatures=_flag(env, "WEBHOOK_VERIFY_SIGNATURES", default=True),
            signing_secret=secret.encode() if secret else None,
            max_body_bytes=_int(env, "WEBHOOK_MAX_BODY", 64 * 1024),
        )
