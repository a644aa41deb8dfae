import argparse
import sys

from ingest import __version__
from ingest.config import settings
from ingest.logging_setup import configure_logging
from ingest.pipeline import run_once


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ingest")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    configure_logging()
    if args.dry_run:
        print(f"would read from {settings.source_dir}")
        return 0
    run_once()
    return 0


if __name__ == "__main__":
    sys.exit(main())
