"""Entry point of the worker: `python -m app.main`."""

from __future__ import annotations

import logging
import sys

from app import logging_setup
from app.jobs import run_renewals
from app.store import Store

log = logging.getLogger("app.worker")


def main() -> int:
    logging_setup.configure()
    log.info("renewal worker starting")
    try:
        invoices = run_renewals(Store())
    except Exception:
        log.exception("renewal run aborted")
        return 1
    log.info("issued %d invoices", len(invoices))
    return 0


if __name__ == "__main__":
    sys.exit(main())
