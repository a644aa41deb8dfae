from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def retail_price(cost: Decimal, margin: Decimal) -> Decimal:
    price = cost * (1 + margin)
    # round up to the next .x9 ending, as the storefront expects
    price = price.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) + Decimal("0.09")
    return price.quantize(CENT)


def price_change_pct(old: Decimal, new: Decimal) -> Decimal:
    if old == 0:
        return Decimal("0")
    return ((new - old) / old * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
