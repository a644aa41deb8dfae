from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from picking.models import SkuDemand


@dataclass
class PickBatch:
    zone: str
    picks: list[SkuDemand] = field(default_factory=list)

    @property
    def units(self) -> int:
        return sum(p.quantity for p in self.picks)


def build_batches(demands: Iterable[SkuDemand], cart_capacity: int) -> list[PickBatch]:
    by_zone: dict[str, list[SkuDemand]] = defaultdict(list)
    for demand in demands:
        by_zone[demand.zone].append(demand)

    batches: list[PickBatch] = []
    for zone in sorted(by_zone):
        current = PickBatch(zone)
        for demand in sorted(by_zone[zone], key=lambda d: d.walk_order):
            if current.picks and current.units + demand.quantity > cart_capacity:
                batches.append(current)
                current = PickBatch(zone)
            current.picks.append(demand)
        batches.append(current)
    return batches
