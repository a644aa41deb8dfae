"""python -m crm.cli: import the marketing export into a scratch CRM database."""

from __future__ import annotations

import logging
import sys

from sqlalchemy.orm import Session

from crm import sources
from crm.db import make_engine, seed
from crm.importer import ContactImporter


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    engine = make_engine()
    seed(engine)
    with Session(engine) as session:
        report = ContactImporter(session).run(sources.rows())
    print(f"created {len(report.created)}, skipped {len(report.skipped)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
