"""Promotions as configured by marketing (JSON in the admin tool; inlined here)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

PROMOTIONS_JSON = """
[
  {"code": "FREESHIP", "percent_off": "0", "min_subtotal": "50", "stackable": true, "automatic": true},
  {"code": "SUMMER5", "percent_off": "5", "min_subtotal": "0", "stackable": true, "automatic": true},
  {"code": "STAFF30", "percent_off": "30", "min_subtotal": "0", "stackable": false, "automatic": false}
]
"""

COUPONS = {
    "SPRING15": {"percent_off": "15", "min_subtotal": "30", "stackable": False},
    "FRIENDS20": {"percent_off": "20", "min_subtotal": "0", "stackable": False},
    "NEWSLETTER": {"percent_off": "10", "min_subtotal": "0", "stackable": True},
}


class UnknownCoupon(LookupError):
    pass


@dataclass(frozen=True)
class Promotion:
    code: str
    percent_off: Decimal
    min_subtotal: Decimal
    stackable: bool


def _promotion(code: str, raw: dict) -> Promotion:
    return Promotion(
        code, Decimal(raw["percent_off"]), Decimal(raw["min_subtotal"]), bool(raw["stackable"])
    )


@lru_cache(maxsize=1)
def automatic_promotions() -> list[Promotion]:
    """The always-on promotions; parsed once per process."""
    return [_promotion(raw["code"], raw) for raw in json.loads(PROMOTIONS_JSON) if raw["automatic"]]


def coupon(code: str) -> Promotion:
    raw = COUPONS.get(code.upper())
    if raw is None:
        raise UnknownCoupon(code)
    return _promotion(code.upper(), raw)
