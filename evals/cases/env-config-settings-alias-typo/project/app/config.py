"""Service settings, read from the environment (and .env in development)."""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SHOP_", env_file=".env", extra="ignore")

    database_url: str = "sqlite:///./shop.db"
    currency: str = "EUR"
    stripe_webhook_secret: str | None = Field(default=None, alias="STRIPE_WEBHOOKSECRET")


settings = Settings()
