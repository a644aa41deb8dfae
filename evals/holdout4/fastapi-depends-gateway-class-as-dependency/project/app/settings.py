import os
from dataclasses import dataclass
from functools import lru_cache


def _flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    database_url: str
    payments_api_key: str
    payments_account_id: str
    payments_sandbox: bool
    payments_timeout: float


@lru_cache
def get_settings() -> Settings:
    return Settings(
        database_url=os.environ.get("DATABASE_URL", "sqlite:///./billing.db"),
        payments_api_key=os.environ.get("PAYMENTS_API_KEY", ""),
        payments_account_id=os.environ.get("PAYMENTS_ACCOUNT_ID", ""),
        payments_sandbox=_flag("PAYMENTS_SANDBOX"),
        payments_timeout=float(os.environ.get("PAYMENTS_TIMEOUT", "10")),
    )
