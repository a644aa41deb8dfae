import argparse
import sys
from pathlib import Path

from crm.db import make_session_factory
from crm.importers.customers import import_customers
from crm.importers.orders import import_orders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crm-import")
    parser.add_argument("customers", type=Path)
    parser.add_argument("orders", type=Path)
    parser.add_argument("--db", default="sqlite://")
    args = parser.parse_args(argv)

    Session = make_session_factory(args.db)
    with Session.begin() as session:
        created, updated = import_customers(session, args.customers)
        print(f"customers: {created} created, {updated} updated")
        imported = import_orders(session, args.orders)
        print(f"orders: {imported} imported")
    return 0


if __name__ == "__main__":
    sys.exit(main())
