import os
from os import environ, getenv

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEBUG = os.getenv("DEBUG", "0")


def database_url():
    return os.environ["DATABASE_URL"]


def secret():
    return os.environ.get("SECRET_KEY") or getenv("FALLBACK_KEY") or environ["LAST"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APP_")

    redis_url: str = "redis://"
    timeout: int = 5


class MoreSettings(Settings):
    extra: str = ""
    token: str = Field(default="", alias="SERVICE_TOKEN")  # the alias is the whole name
