"""`python -m catalog import acme`: import the supplier's feed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from catalog.db import Base, engine
from catalog.feed import read_feed, write_demo_feed
from catalog.importer import import_products


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="catalog")
    parser.add_argument("command", choices=["import"])
    parser.add_argument("supplier")
    parser.add_argument("--feed", type=Path)
    args = parser.parse_args(argv)
    Base.metadata.create_all(engine)
    feed = args.feed or write_demo_feed(Path(f"{args.supplier}-feed.csv"))
    stats = import_products(args.supplier, read_feed(feed))
    print(f"{args.supplier}: {stats.created} created, {stats.updated} updated, {stats.discontinued} discontinued")
    return 0


if __name__ == "__main__":
    sys.exit(main())
