import argparse
import logging
import sys
from pathlib import Path

from catalog.settings import load_settings
from catalog.db import make_session_factory
from catalog.sync import sync_feed

log = logging.getLogger("catalog")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="catalog")
    sub = parser.add_subparsers(dest="command", required=True)
    p_sync = sub.add_parser("sync", help="apply supplier feed files in date order")
    p_sync.add_argument("feeds", type=Path, help="a feed file or a folder of *.csv feeds")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    settings = load_settings()
    Session = make_session_factory(settings)
    feeds = sorted(args.feeds.glob("*.csv")) if args.feeds.is_dir() else [args.feeds]
    if not feeds:
        log.error("no feeds in %s", args.feeds)
        return 1
    for path in feeds:
        with Session() as session:
            report = sync_feed(session, path, settings.default_margin)
        log.info("%s: %d created, %d updated", report.feed, report.created, report.updated)
        for alert in report.alerts:
            log.warning("price alert %s", alert)
    return 0


if __name__ == "__main__":
    sys.exit(main())
