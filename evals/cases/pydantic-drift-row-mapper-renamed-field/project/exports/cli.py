"""`python -m exports.cli 2024-06-01` writes the day's orders as JSON lines."""

import sys

from exports.db import connect
from exports.service import export_day


def main(argv: list[str]) -> None:
    day = argv[0] if argv else "2024-06-01"
    print(export_day(connect(), day))


if __name__ == "__main__":
    main(sys.argv[1:])
