"""Warm the catalogue cache at container start."""

from catalog.config import Config
from catalog.service import CatalogService


def main() -> None:
    service = CatalogService(Config())
    for sku in ("MUG-01", "LAMP-3"):
        print(sku, service.title(sku))


if __name__ == "__main__":
    main()
