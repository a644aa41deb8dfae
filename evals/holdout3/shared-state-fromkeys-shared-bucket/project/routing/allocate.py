from __future__ import annotations

from collections.abc import Iterable

from routing.warehouses import WAREHOUSES, serving

FALLBACK = "DFW"


def empty_buckets(codes: Iterable[str]) -> dict[str, list[dict]]:
    return dict.fromkeys(codes, [])


def allocate(orders: Iterable[dict]) -> dict[str, list[dict]]:
    buckets = empty_buckets(w.code for w in WAREHOUSES)
    for order in orders:
        warehouse = serving(order["region"])
        buckets[warehouse.code if warehouse else FALLBACK].append(order)
    return buckets
