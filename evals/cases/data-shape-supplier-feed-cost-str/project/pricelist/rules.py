from __future__ import annotations

from decimal import Decimal

from pricelist.models import PriceRule

DEFAULT_RULE = PriceRule("default", markup=Decimal("0.45"), min_margin=Decimal("0.25"))

RULES: dict[str, PriceRule] = {
    rule.category: rule
    for rule in (
        PriceRule("fasteners", markup=Decimal("0.80"), min_margin=Decimal("0.35")),
        PriceRule("adhesives", markup=Decimal("0.55"), min_margin=Decimal("0.30")),
        PriceRule("power-tools", markup=Decimal("0.30"), min_margin=Decimal("0.18")),
        PriceRule("safety", markup=Decimal("0.60"), min_margin=Decimal("0.30")),
    )
}


def rule_for(category: str) -> PriceRule:
    return RULES.get(category, DEFAULT_RULE)
