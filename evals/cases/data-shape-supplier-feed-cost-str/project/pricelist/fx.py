from __future__ import annotations

from decimal import Decimal

RATES_TO_EUR: dict[str, Decimal] = {
    "EUR": Decimal("1"),
    "USD": Decimal("0.9231"),
    "GBP": Decimal("1.1694"),
    "CHF": Decimal("1.0412"),
}


class UnsupportedCurrency(LookupError):
    pass


def to_eur(amount: Decimal, currency: str) -> Decimal:
    try:
        rate = RATES_TO_EUR[currency.upper()]
    except KeyError:
        raise UnsupportedCurrency(currency) from None
    return rate * amount
