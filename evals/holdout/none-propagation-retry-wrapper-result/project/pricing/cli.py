"""Export a localised price list: python -m pricing.cli CURRENCY..."""

from __future__ import annotations

import logging
import sys

from pricing.catalog import load_catalog
from pricing.quote import price_list
from pricing.rates import RateClient


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    currencies = argv or ["EUR"]
    client = RateClient()
    products = load_catalog()
    for currency in currencies:
        prices = price_list(products, currency, client)
        for sku, amount in prices.items():
            print(f"{currency} {sku:<8} {amount:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
