"""python -m exporter.cli FORMAT: print the revenue report in FORMAT."""

from __future__ import annotations

import sys

from exporter.registry import get
from exporter.report import COLUMNS, revenue_rows


def main(argv: list[str]) -> int:
    fmt = get(argv[0] if argv else "csv")(COLUMNS)
    count = fmt.write(revenue_rows(), sys.stdout)
    print(f"# {count} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
