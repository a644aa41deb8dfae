"""Service settings (written for pydantic 1.x; requirements now pin pydantic 2)."""

from pydantic import BaseSettings, Field


class Settings(BaseSettings):
    service_name: str = "stock-alerts"
    redis_url: str = "redis://localhost:6379/0"
    threshold: int = Field(10, ge=0)

    class Config:
        env_prefix = "ALERTS_"


settings = Settings()
