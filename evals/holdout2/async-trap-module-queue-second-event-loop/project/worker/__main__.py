"""`python -m worker`: preflight, then process the demo batch."""

from __future__ import annotations

import asyncio
import logging
import sys

from worker.preflight import stale_jobs_left
from worker.serve import serve

DEMO = ["uploads/cat.jpg", "uploads/dog.png", "uploads/fox.gif"]


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
    if asyncio.run(stale_jobs_left()):
        return 2
    rendered = asyncio.run(serve(DEMO))
    print("\n".join(rendered))
    return 0


if __name__ == "__main__":
    sys.exit(main())
