from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from jobs.rates import load_fx_rates

CENT = Decimal("0.01")


def to_eur(amount: Decimal, currency: str) -> Decimal:
    if currency == "EUR":
        return amount
    rates = load_fx_rates("EUR")
    return (amount / rates[currency]).quantize(CENT, rounding=ROUND_HALF_EVEN)


def settle(event: dict) -> dict:
    eur = to_eur(Decimal(event["amount"]), event["currency"])
    return {"id": event["id"], "merchant": event["merchant"], "eur": str(eur)}
