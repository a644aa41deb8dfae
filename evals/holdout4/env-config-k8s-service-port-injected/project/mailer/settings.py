import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    redis_url: str
    queue_name: str
    smtp_host: str
    smtp_port: int
    smtp_user: str | None
    sender: str
    batch_size: int
    poll_interval: float


def load_settings() -> Settings:
    redis_host = os.getenv("REDIS_HOST", "localhost")
    redis_port = os.getenv("REDIS_PORT", "6379")
    redis_db = os.getenv("REDIS_DB", "0")
    return Settings(
        redis_url=os.getenv("REDIS_URL", f"redis://{redis_host}:{redis_port}/{redis_db}"),
        queue_name=os.getenv("MAILER_QUEUE", "mail:outbound"),
        smtp_host=os.getenv("SMTP_HOST", "localhost"),
        smtp_port=int(os.getenv("SMTP_PORT", "1025")),
        smtp_user=os.getenv("SMTP_USER"),
        sender=os.getenv("MAILER_FROM", "no-reply@example.com"),
        batch_size=int(os.getenv("MAILER_BATCH_SIZE", "50")),
        poll_interval=float(os.getenv("MAILER_POLL_INTERVAL", "2.0")),
    )
