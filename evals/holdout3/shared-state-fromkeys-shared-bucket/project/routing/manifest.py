from __future__ import annotations

from dataclasses import dataclass

from routing.allocate import FALLBACK
from routing.warehouses import WAREHOUSES


class ManifestError(Exception):
    pass


@dataclass
class Manifest:
    warehouse: str
    order_ids: list[str]
    units: int


def check_region(code: str, order: dict) -> None:
    warehouse = next(w for w in WAREHOUSES if w.code == code)
    if order["region"] not in warehouse.regions and code != FALLBACK:
        raise ManifestError(f"order {order['id']} ({order['region']}) routed to {code}")


def build_manifests(buckets: dict[str, list[dict]]) -> list[Manifest]:
    manifests = []
    for code, orders in buckets.items():
        for order in orders:
            check_region(code, order)
        manifests.append(Manifest(code, [o["id"] for o in orders], sum(o["units"] for o in orders)))
    return manifests
