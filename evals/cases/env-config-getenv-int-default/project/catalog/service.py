from catalog.cache import TTLCache
from catalog.config import Config

PRODUCTS = {"MUG-01": "Enamel mug", "LAMP-3": "Desk lamp"}


class CatalogService:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.cache = TTLCache(config.cache_ttl)

    def title(self, sku: str) -> str | None:
        cached = self.cache.get(sku)
        if cached is None:
            cached = PRODUCTS.get(sku)
            self.cache.put(sku, cached)
        return cached
