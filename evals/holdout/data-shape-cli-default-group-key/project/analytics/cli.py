"""python -m analytics.cli [--by KEY] [FILE]: sign-ups per plan, channel or country."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analytics.events import load
from analytics.report import summarize


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="signups")
    parser.add_argument("file", nargs="?", default="data/signups.jsonl", type=Path)
    parser.add_argument("--by", choices=("plan", "channel", "country_code"), default="country")
    args = parser.parse_args(argv)
    print(summarize(load(args.file), by=args.by))
    return 0


if __name__ == "__main__":
    sys.exit(main())
