import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    database_url: str = field(
        default_factory=lambda: os.environ.get("DATABASE_URL", "sqlite:///./catalog.db")
    )
    page_size: int = field(default_factory=lambda: int(os.environ.get("PAGE_SIZE", "20")))


settings = Settings()
