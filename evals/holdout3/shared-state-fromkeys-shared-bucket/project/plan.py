"""Nightly pick plan: route open orders to warehouses and print the manifests."""

from routing.allocate import allocate
from routing.manifest import build_manifests

OPEN_ORDERS = [
    {"id": "SO-501", "region": "TX", "units": 3},
    {"id": "SO-502", "region": "CA", "units": 1},
    {"id": "SO-503", "region": "NY", "units": 2},
    {"id": "SO-504", "region": "OK", "units": 5},
]


def main() -> None:
    for manifest in build_manifests(allocate(OPEN_ORDERS)):
        print(f"{manifest.warehouse}: {len(manifest.order_ids)} orders, {manifest.units} units")


if __name__ == "__main__":
    main()
