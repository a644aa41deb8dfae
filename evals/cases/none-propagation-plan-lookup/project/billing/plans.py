"""Subscription plans offered by the shop."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    code: str
    name: str
    monthly_price: int  # cents
    seats: int


PLANS = {
    "starter": Plan("starter", "Starter", 900, 1),
    "team": Plan("team", "Team", 2900, 5),
    "business": Plan("business", "Business", 9900, 25),
}


def find_plan(code):
    """Return the plan for a subscription's plan code."""
    return PLANS.get(code)
