"""Nightly report of open carts with their totals."""

from pathlib import Path

from pricing.cart import totals
from pricing.loader import load_carts
from pricing.money import fmt


def main() -> None:
    for cart in load_carts(Path("data/open_carts.json")):
        t = totals(cart)
        print(f"{cart.id}  {cart.country}  net {fmt(t['net'])}  vat {fmt(t['tax'])}  gross {fmt(t['gross'])}")


if __name__ == "__main__":
    main()
