"""Money helpers. Prices arrive as floats from the pricing sheet; we compute in integer cents."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def to_cents(amount: float) -> int:
    return int(amount * 100)


def format_cents(cents: int, currency: str = "EUR") -> str:
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    return f"{sign}{whole:,}.{frac:02d} {currency}"


def percent_of(cents: int, rate: Decimal) -> int:
    return int((Decimal(cents) * rate / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
