from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Warehouse:
    code: str
    regions: frozenset[str]
    cutoff_hour: int = 15


WAREHOUSES = (
    Warehouse("RNO", frozenset({"CA", "NV", "OR", "WA"})),
    Warehouse("DFW", frozenset({"TX", "OK", "LA", "AR"}), cutoff_hour=16),
    Warehouse("EWR", frozenset({"NY", "NJ", "PA", "MA"})),
)


def serving(region: str) -> Warehouse | None:
    for warehouse in WAREHOUSES:
        if region in warehouse.regions:
            return warehouse
    return None
