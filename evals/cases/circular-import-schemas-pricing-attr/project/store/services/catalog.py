from decimal import Decimal

_PRICES = {"MUG-01": Decimal("12.50"), "TEE-02": Decimal("24.00"), "CAP-03": Decimal("18.90")}


class UnknownSku(LookupError):
    pass


def unit_price(sku: str) -> Decimal:
    try:
        return _PRICES[sku]
    except KeyError:
        raise UnknownSku(sku) from None
