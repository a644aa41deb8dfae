import os
from dataclasses import dataclass
from pathlib import Path

from app.envfile import load_env_file

BASE_DIR = Path(__file__).resolve().parent.parent

load_env_file(BASE_DIR / ".env")


@dataclass(frozen=True)
class Settings:
    app_name: str
    database_url: str
    secret_key: str
    log_level: str
    page_size: int

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            app_name=os.getenv("APP_NAME", "bookmarks"),
            database_url=os.environ["DATABASE_URL"],
            secret_key=os.environ["SECRET_KEY"],
            log_level=os.getenv("LOG_LEVEL", "info").upper(),
            page_size=int(os.getenv("PAGE_SIZE", "50")),
        )


settings = Settings.from_env()
