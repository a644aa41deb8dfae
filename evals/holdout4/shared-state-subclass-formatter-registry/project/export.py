import argparse
import sys
from pathlib import Path

from billing.exporters import EXPORTERS, get_exporter
from billing.invoices import load_invoices


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Export invoices for bookkeeping.")
    parser.add_argument("source", type=Path, nargs="?", default=Path("invoices.json"))
    parser.add_argument("--format", choices=sorted(EXPORTERS), default="csv")
    args = parser.parse_args(argv)

    invoices = load_invoices(args.source)
    exporter = get_exporter(args.format)
    count = exporter.export(invoices, sys.stdout)
    print(f"exported {count} invoices as {args.format}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
