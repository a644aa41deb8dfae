"""Configuration from the environment (12-factor; the platform injects DATABASE_URL)."""

import os

from pydantic import BaseModel, Field


class Settings(BaseModel):
    app_name: str = "orders-api"
    database_url: str
    pool_size: int = Field(default=5, ge=1)
    echo_sql: bool = False


def get_settings() -> Settings:
    return Settings(
        database_url=os.environ.get("DATABASE_URL", "sqlite:///./orders.db"),
        pool_size=int(os.environ.get("DB_POOL_SIZE", "5")),
        echo_sql=os.environ.get("ECHO_SQL", "0") == "1",
    )
