"""Shipping rates in cents by destination zone."""

from __future__ import annotations

RATES = {"domestic": 495, "eu": 990, "world": 1990}
FREE_SHIPPING_THRESHOLD = 5000


def shipping_cents(zone: str, weight_grams: int) -> int:
    base = RATES.get(zone, RATES["world"])
    # Heavy parcels pay a surcharge per started kilogram above 2 kg.
    extra_kg = max(0, -(-(weight_grams - 2000) // 1000))
    return base + extra_kg * 150
