import argparse
import logging
import sys
import time
from datetime import datetime

from worker.jobs import register_jobs
from worker.scheduler import Scheduler
from worker.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="worker")
    parser.add_argument("--once", action="store_true", help="run due jobs once and exit")
    parser.add_argument("--interval", type=float, default=60.0)
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    scheduler = Scheduler()
    register_jobs(scheduler, load_settings())

    while True:
        scheduler.run_pending(datetime.now())
        if args.once:
            return 0
        time.sleep(args.interval)


if __name__ == "__main__":
    sys.exit(main())
