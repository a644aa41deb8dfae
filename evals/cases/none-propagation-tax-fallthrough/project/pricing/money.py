from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def round_money(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def fmt(amount: Decimal, currency: str = "EUR") -> str:
    return f"{amount:,.2f} {currency}"
