import sys

from ordersearch.engine import SearchEngine
from ordersearch.fixtures import ORDERS
from ordersearch.reports import status_summary


def main(argv: list[str]) -> int:
    statuses = argv or ["open", "shipped", "cancelled"]
    engine = SearchEngine()
    engine.load("orders", ORDERS)
    print(f"{'status':<10} {'n':>4} {'total':>10}")
    for line in status_summary(engine, statuses):
        print(line.render())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
