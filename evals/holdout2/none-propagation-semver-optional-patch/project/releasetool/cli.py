"""`python -m releasetool next --part minor`: print the next release version."""

from __future__ import annotations

import argparse

from releasetool.bump import PARTS, bump
from releasetool.changelog import latest_release
from releasetool.tags import list_tags


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="releasetool")
    sub = parser.add_subparsers(dest="command", required=True)
    nxt = sub.add_parser("next", help="print the next version")
    nxt.add_argument("--part", choices=PARTS, default="patch")
    nxt.add_argument("--tags", help="file with one tag per line")
    args = parser.parse_args(argv)

    tags = list_tags(args.tags)
    current = latest_release(tags)
    if current is None:
        print("0.1.0")
        return 0
    print(bump(current, args.part))
    return 0
