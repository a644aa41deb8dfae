from __future__ import annotations

from decimal import Decimal

from billing.catalog import ACTIVE_PLANS, Plan

ANNUAL_DISCOUNT = Decimal("0.8")


def annual_price(plan: Plan) -> Decimal:
    return (plan.monthly * 12 * ANNUAL_DISCOUNT).quantize(Decimal("0.01"))


def plan_table() -> list[dict]:
    return [
        {"code": p.code, "name": p.name, "monthly": str(p.monthly), "annual": str(annual_price(p))}
        for p in ACTIVE_PLANS
    ]


def entry_plan() -> Plan:
    return min(ACTIVE_PLANS, key=lambda p: p.monthly)
