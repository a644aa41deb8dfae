"""Admin commands: `python -m orders.cli migrate|seed|stats`."""

from __future__ import annotations

import argparse
import sys

from orders import settings
from orders.db import SessionLocal, init_db
from orders.models import Customer, Order
from orders.repository import revenue_cents


def seed() -> None:
    with SessionLocal.begin() as session:
        alice = Customer(email="alice@example.com")
        session.add_all([alice, Order(customer=alice, total_cents=4200, currency=settings.CURRENCY)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="orders")
    parser.add_argument("command", choices=["migrate", "seed", "stats"])
    args = parser.parse_args(argv)
    if args.command == "migrate":
        init_db()
        seed()
        print("database ready")
    elif args.command == "stats":
        with SessionLocal() as session:
            print(f"revenue: {revenue_cents(session) / 100:.2f} {settings.CURRENCY}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
