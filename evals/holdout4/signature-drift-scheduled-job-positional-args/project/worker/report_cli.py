import argparse
import sys

from worker.reports.usage import build_usage_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="usage-report")
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--tenant")
    args = parser.parse_args(argv)
    out = build_usage_report(args.days, tenant=args.tenant)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
