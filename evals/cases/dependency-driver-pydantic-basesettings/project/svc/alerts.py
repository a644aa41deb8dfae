from dataclasses import dataclass

from svc.settings import settings


@dataclass
class Alert:
    sku: str
    on_hand: int


def low_stock(levels: dict[str, int]) -> list[Alert]:
    return [Alert(sku, n) for sku, n in sorted(levels.items()) if n < settings.threshold]
