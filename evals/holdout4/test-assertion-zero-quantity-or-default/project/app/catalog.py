from decimal import Decimal

PRICES: dict[str, Decimal] = {
    "MUG-WHT": Decimal("9.99"),
    "MUG-BLK": Decimal("11.49"),
    "TEE-M": Decimal("19.90"),
    "TEE-L": Decimal("19.90"),
    "CAP-01": Decimal("14.50"),
}

BULK_THRESHOLD = 10
BULK_DISCOUNT = Decimal("0.10")


class UnknownSku(LookupError):
    def __init__(self, sku: str) -> None:
        super().__init__(sku)
        self.sku = sku


def unit_price(sku: str) -> Decimal:
    try:
        return PRICES[sku]
    except KeyError:
        raise UnknownSku(sku) from None
