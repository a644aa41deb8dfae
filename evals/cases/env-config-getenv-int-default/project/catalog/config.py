import os


class Config:
    """Process-wide configuration; values come from the environment with safe defaults."""

    def __init__(self) -> None:
        self.region = os.getenv("CATALOG_REGION", "eu-west-1")
        self.cache_ttl = os.getenv("CATALOG_CACHE_TTL", 300)
        self.max_items = int(os.getenv("CATALOG_MAX_ITEMS", "500"))
