from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from picking.models import Order, SkuDemand


class UnknownSku(LookupError):
    pass


def _locate(sku: str, locations: Mapping[str, str]) -> str:
    try:
        return locations[sku]
    except KeyError:
        raise UnknownSku(f"no bin location for {sku}") from None


def demand_for_order(order: Order, locations: Mapping[str, str]) -> list[SkuDemand]:
    return [SkuDemand(line.sku, line.quantity, _locate(line.sku, locations)) for line in order.lines]


def wave_demand(orders: Iterable[Order], locations: Mapping[str, str]) -> list[SkuDemand]:
    counts: Counter[str] = Counter()
    for order in orders:
        for line in order.lines:
            _locate(line.sku, locations)
            counts[line.sku] += line.quantity
    return counts.most_common()
