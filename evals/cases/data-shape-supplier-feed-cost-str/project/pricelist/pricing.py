from __future__ import annotations

from decimal import ROUND_HALF_UP, ROUND_UP, Decimal

from pricelist.fx import to_eur
from pricelist.models import PriceRow, SupplierItem
from pricelist.rules import rule_for

FREIGHT_RATE = Decimal("0.06")
CENT = Decimal("0.01")


def landed_unit_cost(item: SupplierItem) -> Decimal:
    cost_eur = to_eur(item.unit_cost, item.currency)
    return (cost_eur * (1 + FREIGHT_RATE) / item.pack_size).quantize(CENT, ROUND_HALF_UP)


def charm(price: Decimal) -> Decimal:
    if price < 10:
        return price.quantize(Decimal("0.1"), ROUND_UP) - Decimal("0.01")
    return price.quantize(Decimal("1"), ROUND_UP) - Decimal("0.01")


def price_row(item: SupplierItem) -> PriceRow:
    rule = rule_for(item.category)
    landed = landed_unit_cost(item)
    price = charm(landed * (1 + rule.markup))
    floor = (landed / (1 - rule.min_margin)).quantize(CENT, ROUND_UP)
    return PriceRow(item.sku, item.name, landed, max(price, floor))
