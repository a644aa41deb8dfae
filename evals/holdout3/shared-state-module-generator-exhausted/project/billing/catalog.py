from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Plan:
    code: str
    name: str
    monthly: Decimal
    seats: int
    active: bool = True


PLANS = [
    Plan("free", "Free", Decimal("0"), 1, active=False),
    Plan("team", "Team", Decimal("12.00"), 10),
    Plan("business", "Business", Decimal("29.00"), 50),
    Plan("legacy-pro", "Pro (2019)", Decimal("9.00"), 5, active=False),
]

ACTIVE_PLANS = (plan for plan in PLANS if plan.active)
