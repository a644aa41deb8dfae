"""Runtime settings, read once from the environment (see deploy/notify.env)."""

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    env: str
    smtp_host: str | None
    smtp_port: int
    sender: str
    digest_hour: int


def load_settings() -> Settings:
    return Settings(
        env=os.environ.get("APP_ENV", "development"),
        smtp_host=os.environ.get("SMTP_SERVER"),
        smtp_port=int(os.environ.get("SMTP_PORT", "25")),
        sender=os.environ.get("MAIL_FROM", "noreply@example.com"),
        digest_hour=int(os.environ.get("DIGEST_HOUR", "7")),
    )
