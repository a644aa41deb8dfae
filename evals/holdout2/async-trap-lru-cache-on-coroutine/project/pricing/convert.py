from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from pricing.rates import fetch_rates

CENT = Decimal("0.01")


class UnsupportedCurrency(ValueError):
    pass


async def convert(amount: Decimal, currency: str) -> Decimal:
    """EUR amount → currency, rounded to cents (banker's rounding, like the ledger)."""
    rates = await fetch_rates()
    try:
        rate = rates[currency.upper()]
    except KeyError:
        raise UnsupportedCurrency(currency) from None
    return (amount * rate).quantize(CENT, ROUND_HALF_EVEN)
