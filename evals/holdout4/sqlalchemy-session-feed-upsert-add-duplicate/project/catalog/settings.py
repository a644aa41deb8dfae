import os
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Settings:
    db_url: str
    default_margin: Decimal
    currency: str


def load_settings() -> Settings:
    return Settings(
        db_url=os.environ.get("CATALOG_DB_URL", "sqlite:///catalog.db"),
        default_margin=Decimal(os.environ.get("CATALOG_DEFAULT_MARGIN", "0.35")),
        currency=os.environ.get("CATALOG_CURRENCY", "EUR"),
    )
