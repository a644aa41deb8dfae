"""Service settings, read once from the environment."""

from __future__ import annotations

import os


class Settings:
    service_name = os.environ.get("SERVICE_NAME", "avatars")
    debug = os.environ.get("DEBUG", "0") == "1"
    storage_prefix = os.environ.get("STORAGE_PREFIX", "avatars/")
    max_upload_mb = os.environ.get("MAX_UPLOAD_MB", 25)
    allowed_types = tuple(os.environ.get("ALLOWED_TYPES", "image/png,image/jpeg").split(","))


settings = Settings()
