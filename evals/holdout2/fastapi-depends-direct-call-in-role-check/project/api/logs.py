"""uvicorn-compatible log lines; LOG_FIXED_TIME pins the clock for recorded runs."""

from __future__ import annotations

import logging
import os
import time
from datetime import datetime


def configure() -> None:
    formatter = logging.Formatter("%(asctime)s | %(levelname)-7s | %(name)s | %(message)s", "%Y-%m-%dT%H:%M:%S")
    fixed = os.getenv("LOG_FIXED_TIME")
    if fixed:
        frozen = datetime.fromisoformat(fixed).timetuple()
        formatter.converter = lambda *_: frozen  # type: ignore[method-assign]
    else:
        formatter.converter = time.gmtime  # type: ignore[method-assign]
    handler = logging.StreamHandler()
    handler.setFormatter(formatter)
    for name in ("uvicorn.error", "uvicorn.access", "api"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.INFO)
        logger.propagate = False
