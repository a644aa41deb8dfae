import argparse
import os
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from auditlog.db import make_session_factory
from auditlog.export import export_csv
from auditlog.repository import AuditRepository


def _day(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=timezone.utc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="auditlog-export")
    parser.add_argument("--day", type=_day, required=True, help="UTC day to export, YYYY-MM-DD")
    parser.add_argument("--out", type=Path, default=Path("exports"))
    args = parser.parse_args(argv)

    factory = make_session_factory(os.environ.get("AUDIT_DB_URL", "sqlite:///audit.db"))
    repo = AuditRepository(factory)
    since, until = args.day, args.day + timedelta(days=1)
    dest = args.out / f"audit-{since:%Y-%m-%d}.csv"
    n = export_csv(repo, since, until, dest)
    expected = repo.count_between(since, until)
    if n != expected:
        print(f"exported {n} of {expected} events", file=sys.stderr)
        return 1
    print(f"wrote {n} events to {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
